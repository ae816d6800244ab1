package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"hoist/internal/words"
)

// maxSettingsFile bounds what Hoist reads of a settings file (profiles, preset, saved
// job): far above any real one, it keeps a wrong file from filling memory.
const maxSettingsFile = 64 << 20

// readSmallFile reads a settings file, refusing one larger than maxSettingsFile.
func readSmallFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxSettingsFile+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxSettingsFile {
		return nil, fail("store.file.too_large", words.A{"Path": path}, nil)
	}
	return data, nil
}

// ProblemKind is what is wrong with a settings file.
type ProblemKind int

const (
	ProblemOther          ProblemKind = iota // Detail: the decoder's own words
	ProblemUnreadable                        // the file could not be read (the error's Cause says why)
	ProblemCutShort                          // it is empty or ends too early
	ProblemTrailingText                      // text after the end of the settings
	ProblemMalformed                         // not JSON from Got, the character where the syntax breaks
	ProblemWrongType                         // Field holds a Got where a Want belongs
	ProblemUnknownField                      // Field is not a setting Hoist knows
	ProblemWrongFormat                       // its "format" is Got, and this Hoist reads Want
	ProblemNotPreset                         // not a preset: no "format" at all, or Got
	ProblemOtherVersion                      // a preset of another version of Hoist (format Got)
	ProblemInvalidOptions                    // the options are refused (the error's Cause says which)
)

// FileProblem is what is wrong with a settings file, as data: the errors about files
// (ProfilesFileError, PresetError, a damaged saved upload) write it in the language of
// the moment they are shown.
type FileProblem struct {
	Kind ProblemKind
	// Field is the setting (ProblemWrongType, ProblemUnknownField), "" for the whole file.
	Field string
	// Want and Got are JSON kinds for ProblemWrongType (as jsonKind and valueKind name
	// them) and formats for ProblemWrongFormat, ProblemNotPreset, ProblemOtherVersion; Got
	// is the character the syntax breaks at for ProblemMalformed.
	Want, Got string
	Detail    string
}

// words is the problem as a value of a sentence: a Message, or the cause itself (an error,
// which words writes) for a file that cannot be read or options that are refused.
func (p FileProblem) words(cause error) any {
	switch p.Kind {
	case ProblemUnreadable, ProblemInvalidOptions:
		if cause != nil {
			if p.Kind == ProblemInvalidOptions {
				return words.Msg("store.problem.invalid_options", words.A{"Reason": cause})
			}
			return cause
		}
	case ProblemCutShort:
		return words.Msg("store.problem.cut_short", nil)
	case ProblemTrailingText:
		return words.Msg("store.problem.trailing_text", nil)
	case ProblemMalformed:
		// The character, not the decoder's English ("invalid character '}' looking for
		// beginning of object key string"): people fix the file where it stands.
		if r, _ := utf8.DecodeRuneInString(p.Got); p.Got != "" && r != utf8.RuneError && unicode.IsGraphic(r) && !unicode.IsSpace(r) {
			return words.Msg("store.problem.malformed", words.A{"Char": p.Got})
		} else if p.Got != "" {
			return words.Msg("store.problem.malformed_invisible", words.A{"Code": fmt.Sprintf("U+%04X", r)})
		}
		return words.Msg("store.problem.malformed_somewhere", nil)
	case ProblemWrongType:
		field := any(p.Field)
		if p.Field == "" {
			field = words.Msg("store.json.document", nil)
		}
		return words.Msg("store.problem.wrong_type", words.A{"Field": field, "Want": kindWords(p.Want), "Got": kindWords(p.Got)})
	case ProblemUnknownField:
		return words.Msg("store.problem.unknown_field", words.A{"Field": p.Field})
	case ProblemWrongFormat:
		return words.Msg("store.problem.wrong_format", words.A{"Got": p.Got, "Want": p.Want})
	case ProblemNotPreset:
		if p.Got != "" {
			return words.Msg("store.problem.not_preset_format", words.A{"Got": p.Got, "Want": p.Want})
		}
		return words.Msg("store.problem.not_preset", words.A{"Want": p.Want})
	case ProblemOtherVersion:
		return words.Msg("store.problem.other_version", words.A{"Got": p.Got, "Want": p.Want})
	}
	if cause != nil {
		return cause // the decoder's or a field's own error, which words writes
	}
	return words.Msg("store.problem.other", words.A{"Detail": p.Detail})
}

// fileSentence is id (a sentence about a file, with {{.Path}} and {{.Problem}}) or, when
// the line is known, id+"_at" (with {{.Line}} and {{.Column}} too).
func fileSentence(id, path string, line, col int, p FileProblem, cause error) words.Message {
	args := words.A{"Path": path, "Problem": p.words(cause)}
	if line > 0 {
		args["Line"], args["Column"] = line, col
		return words.Msg(id+"_at", args)
	}
	return words.Msg(id, args)
}

// jsonProblem reads a decoding error as a FileProblem, with the line and column of the
// problem when the decoder knows its offset (line and column are 0 when it does not).
func jsonProblem(data []byte, err error) (line, col int, p FileProblem) {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn) && cutShort(data, syn):
		line, col = position(data, syn.Offset-1)
		return line, col, FileProblem{Kind: ProblemCutShort}
	case errors.As(err, &syn) && strings.Contains(syn.Error(), "after top-level value"):
		line, col = position(data, syn.Offset-1)
		return line, col, FileProblem{Kind: ProblemTrailingText}
	case errors.As(err, &syn):
		at := syn.Offset - 1 // Offset is just past the bad character
		// A space or a line's end is never wrong in itself: it ended a word too early
		// ("tru" then a newline reads as "invalid character '\n' in literal true"), so the
		// problem is named at that word's last character, not at the space.
		for word := endsAWord(syn.Error()); word && at > 0 && isJSONSpace(charAt(data, at)); {
			at--
		}
		line, col = position(data, at)
		return line, col, FileProblem{Kind: ProblemMalformed, Got: charAt(data, at)}
	case errors.As(err, &typ):
		line, col = position(data, typ.Offset-1) // Offset is just past the value
		return line, col, FileProblem{Kind: ProblemWrongType, Field: typ.Field, Want: jsonKind(typ.Type.Kind().String()), Got: valueKind(typ.Value)}
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		line, col = position(data, int64(len(data)))
		return line, col, FileProblem{Kind: ProblemCutShort}
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if f, ok := strings.CutPrefix(msg, "unknown field "); ok {
		return 0, 0, FileProblem{Kind: ProblemUnknownField, Field: strings.Trim(f, `"`)}
	}
	return 0, 0, FileProblem{Kind: ProblemOther, Detail: msg}
}

// cutShort reports whether a syntax error is the data ending too early: the decoder's
// "unexpected end of JSON input", or the space it feeds itself at the end when a literal
// or a number is cut ("tr" reads as "invalid character ' ' in literal true"). A wrong last
// character (the "}" after a trailing comma) is at the end too, but is not a cut.
//
// A value that stops where the file's last bytes are all zero was cut short too: a crash
// after the file grew and before its bytes reached the disk leaves zeros, which the
// decoder names as the invalid character U+0000 (a value that ends before the zeros is
// text after its end).
func cutShort(data []byte, syn *json.SyntaxError) bool {
	msg := syn.Error()
	if at := syn.Offset - 1; at >= 0 && at < int64(len(data)) && data[at] == 0 &&
		len(bytes.TrimRight(data[at:], "\x00")) == 0 && !strings.Contains(msg, "after top-level value") {
		return true
	}
	return strings.HasPrefix(msg, "unexpected end") ||
		syn.Offset >= int64(len(bytes.TrimRight(data, " \t\r\n"))) && strings.HasPrefix(msg, "invalid character ' '")
}

// endsAWord reports whether a syntax error is a word cut short by what followed it: true,
// false, null or a number (a space inside a string is named where it stands).
func endsAWord(msg string) bool {
	for _, w := range []string{" in literal ", "in numeric literal", "after decimal point", "in exponent"} {
		if strings.Contains(msg, w) {
			return true
		}
	}
	return false
}

// isJSONSpace reports whether c is one of the characters JSON allows between tokens.
func isJSONSpace(c string) bool { return c == " " || c == "\t" || c == "\r" || c == "\n" }

// charAt is the character that starts at offset, "" when there is none.
func charAt(data []byte, offset int64) string {
	if offset < 0 || offset >= int64(len(data)) {
		return ""
	}
	r, _ := utf8.DecodeRune(data[offset:])
	return string(r)
}

// position turns a byte offset into a 1-based line and column (in characters).
func position(data []byte, offset int64) (line, col int) {
	offset = max(offset, 0)
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	col = len([]rune(string(before[lineStart:]))) + 1
	return line, col
}

// valueKind names the kind of JSON value the decoder found ("string", "number -5"...).
func valueKind(v string) string {
	switch kind, _, _ := strings.Cut(v, " "); kind {
	case "string":
		return "text"
	case "bool":
		return "bool"
	case "number":
		return "number"
	case "array":
		return "list"
	case "object":
		return "group"
	}
	return v
}

// jsonKind names the kind of JSON value a Go kind takes.
func jsonKind(kind string) string {
	switch kind {
	case "bool":
		return "bool"
	case "string":
		return "quoted"
	case "int", "int64", "float64":
		return "number"
	case "slice":
		return "list"
	case "struct", "map", "ptr":
		return "braces"
	}
	return kind
}

// kindWords is a kind named by jsonKind or valueKind in words, or the decoder's own name.
func kindWords(kind string) any {
	switch kind {
	case "text", "bool", "number", "list", "group", "quoted", "braces":
		return words.Msg("store.json."+kind, nil)
	}
	return kind
}

// decodeStrict decodes one JSON value, refusing unknown fields: a typo must not silently
// drop a setting. (Callers check the syntax with json.Unmarshal first, which also refuses
// text after the value.)
func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}
