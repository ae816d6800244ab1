package store

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"

	"hoist/internal/words"
	"hoist/uploader"
)

// PresetFormat marks a preset file, so that any other JSON is refused with a sentence and a
// future format can be told apart.
const PresetFormat = "hoist-preset/1"

// Preset is a named set of upload options, and optionally the folder they go to. The GUI
// saves it and `hoist upload --preset FILE` reads the same file.
type Preset struct {
	Name       string           `json:"name"`
	Options    uploader.Options `json:"options"`
	DestFolder string           `json:"destFolder,omitempty"` // optional: "" keeps the connection's folder
}

// presetFile is the JSON of a preset file; options is a pointer to tell "missing" apart.
type presetFile struct {
	Format     string       `json:"format"`
	Name       string       `json:"name"`
	DestFolder string       `json:"destFolder,omitempty"`
	Options    *optionsJSON `json:"options"`
}

// PresetError is a preset file that cannot be used, in words for people.
type PresetError struct {
	Path         string
	Line, Column int // where a JSON problem is, 0 when unknown
	Problem      FileProblem
	// Problems lists invalid option values (from uploader.Options.Validate).
	Problems []uploader.Problem
	Err      error
}

func (e *PresetError) Error() string { return words.Error(e) }

// Words says why the preset cannot be used, for words.Error, and for a file damaged or
// edited wrong what to do about it.
func (e *PresetError) Words() words.Message {
	switch e.Problem.Kind {
	case ProblemUnreadable, ProblemNotPreset, ProblemOtherVersion, ProblemUnknownField:
		// The problem says it all: a file to check, another kind of file, or a setting
		// this Hoist does not know (perhaps a later version's: not a file to delete).
		return fileSentence("store.preset_file.bad", e.Path, e.Line, e.Column, e.Problem, e.Err)
	}
	return fileSentence("store.preset_file.fix", e.Path, e.Line, e.Column, e.Problem, e.Err)
}

// Sentence is the error as a sentence.
func (e *PresetError) Sentence() string { return words.Error(e) }

func (e *PresetError) Unwrap() error { return e.Err }

// LoadPreset reads and checks a preset file. Options missing from the file keep their
// defaults (uploader.DefaultOptions); unknown settings, wrong types and invalid values are
// refused with a *PresetError naming the line and column, or every invalid option.
func LoadPreset(path string) (Preset, error) {
	data, err := readSmallFile(path)
	if err != nil {
		return Preset{}, &PresetError{Path: path, Problem: FileProblem{Kind: ProblemUnreadable}, Err: err}
	}
	return parsePreset(path, data)
}

func parsePreset(path string, data []byte) (Preset, error) {
	fail := func(err error) (Preset, error) {
		// encoding/json names the embedded uploader.Options of optionsJSON in its paths;
		// the file has no such level.
		var typ *json.UnmarshalTypeError
		if errors.As(err, &typ) {
			typ.Field = strings.Replace(typ.Field, "options.Options.", "options.", 1)
		}
		line, col, p := jsonProblem(data, err)
		return Preset{}, &PresetError{Path: path, Line: line, Column: col, Problem: p, Err: err}
	}
	var head struct {
		Format *string `json:"format"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		var typ *json.UnmarshalTypeError
		if errors.As(err, &typ) {
			// Well-formed JSON but not an object with a text "format" (a saved upload's
			// "format": 2, a list): another kind of file, not a preset to fix or delete.
			return Preset{}, &PresetError{Path: path, Problem: FileProblem{Kind: ProblemNotPreset, Want: PresetFormat}, Err: err}
		}
		return fail(err)
	}
	switch {
	case head.Format == nil:
		return Preset{}, &PresetError{Path: path, Problem: FileProblem{Kind: ProblemNotPreset, Want: PresetFormat}}
	case strings.HasPrefix(*head.Format, "hoist-preset/") && *head.Format != PresetFormat:
		return Preset{}, &PresetError{Path: path, Problem: FileProblem{Kind: ProblemOtherVersion, Got: *head.Format, Want: PresetFormat}}
	case *head.Format != PresetFormat:
		return Preset{}, &PresetError{Path: path, Problem: FileProblem{Kind: ProblemNotPreset, Got: *head.Format, Want: PresetFormat}}
	}
	opts := uploader.DefaultOptions()
	f := presetFile{Options: &optionsJSON{Options: &opts}}
	if err := decodeStrict(data, &f); err != nil {
		return fail(err)
	}
	if f.Options == nil { // "options": null
		opts = uploader.DefaultOptions()
	} else {
		f.Options.settle()
	}
	if err := opts.Validate(); err != nil {
		pe := &PresetError{Path: path, Problem: FileProblem{Kind: ProblemInvalidOptions}, Err: err}
		var ve *uploader.ValidationError
		if errors.As(err, &ve) {
			pe.Problems = ve.Problems
		}
		return Preset{}, pe
	}
	name := strings.TrimSpace(f.Name)
	if name == "" {
		name = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	return Preset{Name: name, Options: opts, DestFolder: strings.TrimSpace(f.DestFolder)}, nil
}

// SavePreset writes p to path (atomically), after checking its name and options.
func SavePreset(path string, p Preset) error {
	data, err := encodePreset(p)
	if err != nil {
		return err
	}
	return writeFileAtomic(path, data)
}

func encodePreset(p Preset) ([]byte, error) {
	p.Name = strings.TrimSpace(p.Name)
	if id := nameProblem(p.Name, "preset"); id != "" {
		return nil, fail(id, words.A{"Max": maxNameLen}, nil)
	}
	if err := p.Options.Validate(); err != nil {
		return nil, fail("store.preset.not_saved", words.A{"Name": p.Name, "Reason": err}, err)
	}
	data, err := json.MarshalIndent(presetFile{Format: PresetFormat, Name: p.Name, DestFolder: strings.TrimSpace(p.DestFolder), Options: &optionsJSON{Options: &p.Options}}, "", "  ")
	if err != nil {
		return nil, fail("store.preset.encode", words.A{"Name": p.Name}, err)
	}
	return append(data, '\n'), nil
}

// presetFileName turns any preset name into a file name every common file system accepts
// (Windows, macOS, Linux): characters Windows forbids and control characters become "_",
// Windows device names get a "_" prefix, a leading dot (hidden file) and trailing dots or
// spaces are replaced, and the length stays well under 255 bytes. Two names may map to the
// same file name: the store then numbers the file, since the name inside it is what counts.
func presetFileName(name string) string {
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(name, "_") {
		switch {
		case r < 0x20 || r == 0x7f || strings.ContainsRune(`<>:"/\|?*`, r):
			b.WriteRune('_')
		default:
			b.WriteRune(r)
		}
		if b.Len() >= 120 {
			break
		}
	}
	s := strings.TrimRight(b.String(), ". ")
	if strings.HasPrefix(s, ".") {
		s = "_" + s[1:]
	}
	if s == "" {
		s = "preset"
	}
	if isWindowsDeviceName(s) {
		s = "_" + s
	}
	return s
}

// isWindowsDeviceName reports names Windows reserves whatever their extension.
func isWindowsDeviceName(s string) bool {
	stem, _, _ := strings.Cut(s, ".")
	stem = strings.ToUpper(strings.TrimRight(stem, " "))
	switch stem {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	if len(stem) == 4 && (strings.HasPrefix(stem, "COM") || strings.HasPrefix(stem, "LPT")) {
		return stem[3] >= '0' && stem[3] <= '9'
	}
	return false
}
