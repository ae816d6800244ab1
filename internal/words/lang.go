package words

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Language is one language Hoist is written in.
type Language struct {
	Code string // BCP 47 base language, also the message file's name
	Name string // written in the language itself, for the settings list
	// Plurals are the CLDR plural forms its counted sentences need (the tests check that
	// every plural message has exactly these).
	Plurals []string
}

// Languages are the languages Hoist speaks; the first is the fallback.
var Languages = []Language{
	{"en", "English", []string{"one", "other"}},
	{"fr", "Français", []string{"one", "many", "other"}},
	{"ja", "日本語", []string{"other"}},
}

// EnvVar overrides the system's language for every Hoist process, like --lang.
const EnvVar = "HOIST_LANG"

// current is what T, N and the figures use. It is swapped whole, so readers on other
// goroutines (the engine's events, the window's refreshes) never see half a language.
var current atomic.Pointer[speaker]

// speaker is one language ready to speak: its messages and its number printer. Its
// messages are loaded the first time it says something, so a process reads the files of
// the languages it speaks only.
type speaker struct {
	code    string
	printer *message.Printer
	// messages are this language's own, cut at their placeholders (compiled.go), and
	// plurals a go-i18n localizer that knows only pluralProbe: go-i18n's plural rules.
	load     sync.Once
	messages *catalog
	plurals  *i18n.Localizer
	// localizer is go-i18n's with every message of English and of this language, for what
	// the cut messages do not cover; loaded the first time it is needed.
	full      sync.Once
	localizer *i18n.Localizer
	// forms caches the plural form (index into pluralForms) of the counts below
	// len(forms), as go-i18n's rules give it; 0 is not known yet.
	forms   [128]atomic.Uint32
	numOnce sync.Once
	numbers numberForm
}

// pluralProbe is a message of this package's own whose every plural form is the form's
// name, so that go-i18n's plural rules say which form a count takes (pluralForm).
const pluralProbe = "words.plural_form"

// ready loads the speaker's own messages once.
func (s *speaker) ready() {
	s.load.Do(func() {
		s.messages = loadCatalog(s.code)
		b := i18n.NewBundle(language.English)
		probe := &i18n.Message{ID: pluralProbe}
		probe.Zero, probe.One, probe.Two, probe.Few, probe.Many, probe.Other = "zero", "one", "two", "few", "many", "other"
		if err := b.AddMessages(language.Make(s.code), probe); err != nil {
			panic(fmt.Sprintf("words: %v", err)) // a language of Languages without plural rules
		}
		s.plurals = i18n.NewLocalizer(b, s.code)
	})
}

// fullLocalizer loads go-i18n's localizer once.
func (s *speaker) fullLocalizer() *i18n.Localizer {
	s.full.Do(func() { s.localizer = i18n.NewLocalizer(bundleFor(s.code), s.code) })
	return s.localizer
}

// pluralForm is the form (index into pluralForms) go-i18n's rules give count in this
// language.
func (s *speaker) pluralForm(count int) int {
	if count >= 0 && count < len(s.forms) {
		if f := s.forms[count].Load(); f > 0 {
			return int(f - 1)
		}
	}
	name, _ := s.plurals.Localize(&i18n.LocalizeConfig{MessageID: pluralProbe, PluralCount: count})
	form := slices.Index(pluralForms, name)
	if form < 0 {
		form = otherForm
	}
	if count >= 0 && count < len(s.forms) {
		s.forms[count].Store(uint32(form + 1))
	}
	return form
}

// number is the speaker's way of writing numbers, worked out the first time it writes one.
func (s *speaker) number() *numberForm {
	s.numOnce.Do(func() { s.numbers = formOf(s.printer) })
	return &s.numbers
}

// speakers holds one speaker per language, made once.
var speakers = map[string]*speaker{}

func init() {
	for _, l := range Languages {
		speakers[l.Code] = &speaker{code: l.Code, printer: message.NewPrinter(language.Make(l.Code))}
	}
	Use(Languages[0].Code)
}

// Use makes code (one of Languages) the language of every sentence from now on; anything
// else falls back to English. It returns the code in use.
func Use(code string) string {
	s := speakerFor(code)
	current.Store(s)
	return s.code
}

func speakerFor(code string) *speaker {
	if s, ok := speakers[Supported(code)]; ok {
		return s
	}
	return speakers[Languages[0].Code]
}

// Current is the code of the language in use.
func Current() string { return current.Load().code }

// Supported returns the code of Languages that s names ("fr", "fr-CA", "fr_FR.UTF-8",
// "FR"), or "" when it names none.
func Supported(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, ".@"); i >= 0 { // fr_FR.UTF-8, de_DE@euro
		s = s[:i]
	}
	s = strings.ReplaceAll(s, "_", "-")
	if s == "" || s == "C" || s == "POSIX" {
		return ""
	}
	tag, err := language.Parse(s)
	if err != nil {
		return ""
	}
	base, _ := tag.Base()
	for _, l := range Languages {
		if l.Code == base.String() {
			return l.Code
		}
	}
	return ""
}

// Choose picks the language to use: explicit (the window's setting or --lang) when it
// names a supported language, else HOIST_LANG, else the first supported language among
// the system's preferences, else English. getenv reads the environment (nil: the
// process's own; the CLI's tests pass theirs).
func Choose(explicit string, getenv func(string) string) string {
	if getenv == nil {
		getenv = os.Getenv
	}
	if c := Supported(explicit); c != "" {
		return c
	}
	if c := Supported(getenv(EnvVar)); c != "" {
		return c
	}
	return System(getenv)
}

// System is the first supported language among the system's preferences, else English.
func System(getenv func(string) string) string {
	if getenv == nil {
		getenv = os.Getenv
	}
	for _, s := range systemLanguages(getenv) {
		if c := Supported(s); c != "" {
			return c
		}
	}
	return Languages[0].Code
}
