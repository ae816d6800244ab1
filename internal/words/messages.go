package words

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"hoist/assets"
)

// A holds the named values of a sentence, as its {{.Name}} placeholders name them.
// Integers are written in the language's form (grouping: "1,234", "1 234"); everything
// else is written as fmt's %v would.
type A map[string]any

// MessageDir is where the message files live in assets.Messages.
const MessageDir = "messages"

// bundleFor loads the message files of English and of code into go-i18n, for what the
// cut messages do not cover (compiled.go). The files are embedded and checked by the
// tests, so a file that does not parse is a build defect: it panics rather than speaking
// half a language.
func bundleFor(code string) *i18n.Bundle {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("json", json.Unmarshal)
	for _, f := range filesOf(code) {
		if _, err := b.ParseMessageFileBytes([]byte(readMessages(f)), f.Path); err != nil {
			panic(fmt.Sprintf("words: %s: %v", f.Path, err))
		}
	}
	return b
}

// filesOf lists the message files of English and of code, the only ones a speaker of code
// needs (English is the fallback for an ID a language lacks, which the tests forbid
// anyway). Reading one language rather than all of them matters to the command line, which
// starts for every invocation: parsing every file was a third of `hoist --help`'s CPU time.
func filesOf(code string) []MessageFile {
	files, err := MessageFiles()
	if err != nil {
		panic(fmt.Sprintf("words: %v", err))
	}
	return slices.DeleteFunc(files, func(f MessageFile) bool { return f.Lang != Languages[0].Code && f.Lang != code })
}

// readMessages is the text of a message file, copied once out of the embedded files.
func readMessages(f MessageFile) string {
	file, err := assets.Messages.Open(f.Path)
	if err == nil {
		defer file.Close()
		var b strings.Builder
		if info, err := file.Stat(); err == nil {
			b.Grow(int(info.Size()))
		}
		// The file has no WriteTo, so io.Copy would take a 32 KiB buffer per file.
		var buf [4096]byte
		if _, err = io.CopyBuffer(&b, file, buf[:]); err == nil {
			return b.String()
		}
	}
	panic(fmt.Sprintf("words: %s: %v", f.Path, err))
}

// A MessageFile is one area's sentences in one language: messages/AREA.LANG.json. The
// sentences are split by area (the window, the command line, the engine's errors…) so the
// files stay readable and a translator can take one area at a time; go-i18n reads the
// language from the name.
type MessageFile struct {
	Path, Area, Lang string
}

// MessageFiles lists the message files of every area and language, in name order.
func MessageFiles() ([]MessageFile, error) {
	entries, err := fs.ReadDir(assets.Messages, MessageDir)
	if err != nil {
		return nil, err
	}
	var files []MessageFile
	for _, e := range entries {
		area, lang, ok := strings.Cut(strings.TrimSuffix(e.Name(), ".json"), ".")
		if !ok || !strings.HasSuffix(e.Name(), ".json") || strings.Contains(lang, ".") {
			return nil, fmt.Errorf("%s/%s: message files are named AREA.LANG.json", MessageDir, e.Name())
		}
		files = append(files, MessageFile{Path: MessageDir + "/" + e.Name(), Area: area, Lang: lang})
	}
	return files, nil
}

// T is the sentence id in the current language, with its placeholders filled from args.
// An id missing from every message file comes back as itself, which the tests catch.
func T(id string, args A) string {
	return current.Load().say(id, nil, args)
}

// In is the sentence id in the language code rather than the current one: for a sentence
// about a language, such as "Hoist will speak French from its next start", written in it.
func In(code, id string, args A) string {
	return speakerFor(code).say(id, nil, args)
}

// N is the plural sentence id for count, in the current language: its {{.Count}} is count
// in the language's form, and the form (one, many, other…) follows the language's rules.
func N(id string, count int, args A) string {
	return current.Load().say(id, &count, args)
}

func (s *speaker) say(id string, count *int, args A) string {
	s.ready()
	id = variant(id)
	if m := s.messages.lookup(id); m != nil {
		form := otherForm
		if count != nil {
			form = s.pluralForm(*count)
		}
		if m[form] == nil {
			form = otherForm // as go-i18n does for a form a translation lacks
		}
		if t := m[form]; t != nil {
			if out, ok := s.write(t, count, args); ok {
				return out
			}
		}
	}
	return s.localize(id, count, args)
}

// localize is say through go-i18n, for what the cut messages do not cover.
func (s *speaker) localize(id string, count *int, args A) string {
	data := make(map[string]any, len(args)+1)
	for k, v := range args {
		data[k] = s.value(v)
	}
	var plural any
	if count != nil {
		data["Count"], plural = s.value(*count), *count
	}
	msg, err := s.fullLocalizer().Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: plural})
	if msg == "" && err != nil {
		return id
	}
	return msg
}

// value writes integers in the language's form; other values stay as they are.
func (s *speaker) value(v any) any {
	if w, ok := argValue(v); ok {
		v = w
	}
	switch n := v.(type) {
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return s.printer.Sprintf("%d", n)
	}
	return v
}
