package words

import (
	"os"
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
	code      string
	printer   *message.Printer
	load      sync.Once
	localizer *i18n.Localizer
}

// ready loads the speaker's messages once and returns its localizer.
func (s *speaker) ready() *i18n.Localizer {
	s.load.Do(func() { s.localizer = i18n.NewLocalizer(bundleFor(s.code), s.code) })
	return s.localizer
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
