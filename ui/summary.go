package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"hoist/internal/words"
	"hoist/uploader"
)

// optionsSummary is the one line the queue shows about the upload options, so that the
// main view says what will happen without showing the whole form.
func optionsSummary(preset string, o uploader.Options, s uploader.Service) string {
	start := words.T("summary.own_options", nil)
	if preset != "" {
		start = words.T("summary.preset", words.A{"Name": preset})
	}
	replace := words.T("summary.keep_same_name", nil)
	if o.Overwrite {
		replace = words.T("summary.replace_same_name", nil)
	}
	if s == uploader.DrSum {
		return start + " · " + replace
	}
	parts := []string{start, replace}
	if o.ReadyForPublish {
		parts = append(parts, words.T("summary.ready_for_publish", nil))
	}
	if o.EmailSetting != "" {
		parts = append(parts, lowerFirst(ChoiceLabel("emailSetting", string(o.EmailSetting))))
	}
	// Top-level blocks switched on, by their labels.
	for _, f := range uploader.Fields {
		if f.Kind != uploader.KindBlock || strings.Contains(f.Path, ".") {
			continue
		}
		if on, _ := o.Get(f.Path); on == true {
			parts = append(parts, words.OptionLabel(f.Path))
		}
	}
	return strings.Join(parts, " · ")
}

// lowerFirst puts the first letter in lower case, for a label inside a sentence. It works
// on the first rune, not the first byte: a Japanese label starts with a letter of three
// bytes, which a byte cut in two.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
