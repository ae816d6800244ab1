package ui

import (
	"fmt"
	"strings"

	"hoist/uploader"
)

// optionsSummary is the one line the queue shows about the upload options, so that the
// main view says what will happen without showing the whole form.
func optionsSummary(preset string, o uploader.Options, s uploader.Service) string {
	start := "Options: your own"
	if preset != "" {
		start = fmt.Sprintf("Preset %q", preset)
	}
	replace := "files with the same name are kept"
	if o.Overwrite {
		replace = "files with the same name are replaced"
	}
	if s == uploader.DrSum {
		return start + " · " + replace
	}
	parts := []string{start, replace}
	if o.ReadyForPublish {
		parts = append(parts, "ready for publish")
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
			parts = append(parts, f.Label)
		}
	}
	return strings.Join(parts, " · ")
}

// lowerFirst puts the first letter in lower case, for a label inside a sentence.
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
