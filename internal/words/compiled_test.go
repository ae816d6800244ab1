package words

import (
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Every message of every language, with every kind of value the code passes, reads the
// same written from its cut text (compiled.go) as written by go-i18n's template execution.
func TestCutMessagesReadAsGoI18nWritesThem(t *testing.T) {
	values := []any{"a <b> & \"c\" {{.X}} 1.5", 1234567, int64(-42), uint8(7), true, 3.0, 2.5, errors.New("it broke."), Msg("size.kb", A{"Value": "1.5"})}
	counts := []int{0, 1, 2, 1000, 1_000_000, -1}
	areas := messageAreas(t)
	checked := 0
	for _, l := range Languages {
		s := speakerFor(l.Code)
		s.ready()
		for _, byLang := range areas {
			for id := range byLang[l.Code] {
				if s.messages.lookup(id) == nil {
					t.Errorf("%s: %s is left to go-i18n: it is not plain text with {{.Name}} placeholders", l.Code, id)
					continue
				}
				names := s.names(id)
				m := s.messages.lookup(id)
				counted := slices.Contains(names, "Count") || slices.ContainsFunc(m[:otherForm], func(t *cutText) bool { return t != nil })
				for _, v := range values {
					args := A{}
					for _, n := range names {
						args[n] = v
					}
					if got, want := s.say(id, nil, args), s.localize(id, nil, args); got != want {
						t.Errorf("%s: T(%s, %v): %q, go-i18n writes %q", l.Code, id, v, got, want)
					}
					for _, c := range counts {
						if !counted {
							break
						}
						if got, want := s.say(id, &c, args), s.localize(id, &c, args); got != want {
							t.Errorf("%s: N(%s, %d, %v): %q, go-i18n writes %q", l.Code, id, c, v, got, want)
						}
					}
					checked++
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no message was checked")
	}
}

// names lists the placeholders of every form of the message id.
func (s *speaker) names(id string) []string {
	var out []string
	for _, t := range s.messages.lookup(id) {
		if t != nil {
			for _, n := range t.names {
				if !slices.Contains(out, n) {
					out = append(out, n)
				}
			}
		}
	}
	return out
}

// A value missing, or of a type the cut text does not write, is go-i18n's to write; so is
// a message with another action than a placeholder.
func TestWhatCutMessagesLeaveToGoI18n(t *testing.T) {
	defer Use(Use("en"))
	if got, want := T("size.kb", nil), speakerFor("en").localize("size.kb", nil, nil); got != want || got == "" {
		t.Errorf("a missing value: %q, go-i18n writes %q", got, want)
	}
	type kilo float64
	if got := T("size.kb", A{"Value": kilo(1.5)}); got != "1.5 kB" {
		t.Errorf("a named float type: %q", got)
	}
	for _, src := range []string{"{{if .X}}x{{end}}", "{{ .X }}", "{{.X | printf \"%d\"}}", "a }} b", "{{.}}", "{{.X.Y}}", "{{.X"} {
		if _, ok := cut(src); ok {
			t.Errorf("%q was cut as plain text with placeholders", src)
		}
	}
	if c, ok := compile(&i18n.Message{ID: "x", Other: "a {{.B}} c {{.D}}", LeftDelim: "<<"}); ok || c != nil {
		t.Error("a message with its own delimiters was cut")
	}
	c, ok := cut("{{.A}} and {{.B}}.")
	if !ok || !slices.Equal(c.text, []string{"", " and ", "."}) || !slices.Equal(c.names, []string{"A", "B"}) {
		t.Errorf("cut: %q %q %v", c.text, c.names, ok)
	}
}

// The numbers written without the Printer are the Printer's, in every language.
func TestNumbersAsThePrinterWritesThem(t *testing.T) {
	for _, l := range Languages {
		p := message.NewPrinter(language.Make(l.Code))
		f := formOf(p)
		if !f.ok {
			t.Errorf("%s: the number signs were not found in %q", l.Code, p.Sprintf("%.1f", 1234567.5))
			continue
		}
		ints := []int64{math.MaxInt64, math.MinInt64, -1, -999, -1000}
		for n := int64(0); n < 20_000; n += 7 {
			ints = append(ints, n, n*1009)
		}
		for _, n := range ints {
			if got, want := f.int(n), p.Sprintf("%d", n); got != want {
				t.Fatalf("%s: %d: %q, the Printer writes %q", l.Code, n, got, want)
			}
		}
		if got, want := f.uint(math.MaxUint64), p.Sprintf("%d", uint64(math.MaxUint64)); got != want {
			t.Errorf("%s: MaxUint64: %q, the Printer writes %q", l.Code, got, want)
		}
		for i := -2_000; i < 12_000; i++ {
			x := float64(i) / 1000
			for _, v := range []float64{x, x * 1e6 / 7} {
				for d := range 3 {
					if got, want := f.float(v, d), p.Sprintf("%.*f", d, v); got != want {
						t.Fatalf("%s: %v with %d decimals: %q, the Printer writes %q", l.Code, v, d, got, want)
					}
				}
			}
		}
		for _, v := range []float64{math.Inf(1), math.Inf(-1), math.NaN(), math.Copysign(0, -1)} {
			if got, want := f.float(v, 1), p.Sprintf("%.1f", v); got != want {
				t.Errorf("%s: %v: %q, the Printer writes %q", l.Code, v, got, want)
			}
		}
	}
}

// A Printer whose signs formOf cannot read is left to write every number.
func TestNumberFormFallsBackToThePrinter(t *testing.T) {
	p := message.NewPrinter(language.Make("ar-EG")) // Arabic-Indic digits
	f := formOf(p)
	if f.ok {
		t.Skipf("the Printer writes ar-EG with ASCII digits: %q", p.Sprintf("%d", 1234567))
	}
	if got, want := f.int(1234567), p.Sprintf("%d", 1234567); got != want {
		t.Errorf("%q, the Printer writes %q", got, want)
	}
	if got, want := f.float(-12.5, 1), p.Sprintf("%.1f", -12.5); got != want {
		t.Errorf("%q, the Printer writes %q", got, want)
	}
}

// What the command line writes for an upload (sizes, durations, counted sentences) is
// written without loading go-i18n's bundle, whose parsing was most of the CLI's start.
func TestEverydaySentencesNeedNoBundle(t *testing.T) {
	for _, l := range Languages {
		s := &speaker{code: l.Code, printer: message.NewPrinter(language.Make(l.Code))}
		for _, id := range []string{"cli.upload.done_in", "size.kb", "duration.ms"} {
			if got := s.say(id, nil, A{"File": "a.jpg", "Size": "1 kB", "Took": "3 ms", "Value": "1.5", "Ms": 3}); got == id {
				t.Errorf("%s: %s is not written", l.Code, id)
			}
		}
		for _, c := range []int{0, 1, 2, 2000} {
			s.say("size.bytes", &c, nil)
		}
		if s.localizer != nil {
			t.Errorf("%s: go-i18n's bundle was loaded", l.Code)
		}
	}
}
