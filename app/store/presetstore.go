package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"hoist/internal/words"
)

// ErrPresetNotFound is wrapped when no preset has the name asked for.
var ErrPresetNotFound = words.Sentinel("store.preset.not_found")

// Presets is the store of presets: one JSON file per preset in Dir ("" = DefaultDir()/presets).
// A preset's name is the one inside its file; file names are derived from it only to be
// readable and safe. The zero value with Dir set is ready to use.
type Presets struct {
	Dir string
	mu  sync.Mutex
}

type presetEntry struct {
	path   string
	preset Preset
}

func (s *Presets) dir() (string, error) {
	if s.Dir != "" {
		return s.Dir, nil
	}
	d, err := DefaultDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "presets"), nil
}

// entries reads every preset file; files that cannot be used are returned as errors.
func (s *Presets) entries() ([]presetEntry, []error, error) {
	dir, err := s.dir()
	if err != nil {
		return nil, nil, err
	}
	des, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fail("store.presets.unreadable", words.A{"Path": dir, "Reason": err}, err)
	}
	var out []presetEntry
	var bad []error
	for _, de := range des {
		name := de.Name()
		if de.IsDir() || strings.HasPrefix(name, ".") || !strings.EqualFold(filepath.Ext(name), ".json") {
			continue // temporary files of an atomic write start with a dot
		}
		path := filepath.Join(dir, name)
		p, err := LoadPreset(path)
		if err != nil {
			bad = append(bad, err)
			continue
		}
		out = append(out, presetEntry{path, p})
	}
	sort.SliceStable(out, func(i, j int) bool {
		return strings.ToLower(out[i].preset.Name) < strings.ToLower(out[j].preset.Name)
	})
	return out, bad, nil
}

func lookup(entries []presetEntry, name string) int {
	name = strings.TrimSpace(name)
	for i, e := range entries {
		if sameName(e.preset.Name, name) {
			return i
		}
	}
	return -1
}

func notFound(name string) error {
	return caseOf(ErrPresetNotFound, "store.preset.no_such", words.A{"Name": name})
}

// List returns the presets sorted by name. Files that cannot be read are left out and
// reported together in the error (a *PresetError each, joined), alongside the good ones.
func (s *Presets) List() ([]Preset, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	entries, bad, err := s.entries()
	if err != nil {
		return nil, err
	}
	out := make([]Preset, len(entries))
	for i, e := range entries {
		out[i] = e.preset
	}
	return out, fileErrors(bad)
}

// Load returns the preset called name (case does not matter).
func (s *Presets) Load(name string) (Preset, error) {
	p, _, err := s.find(name)
	return p, err
}

// Path returns the file of the preset called name, for `hoist upload --preset FILE`.
func (s *Presets) Path(name string) (string, error) {
	_, path, err := s.find(name)
	return path, err
}

func (s *Presets) find(name string) (Preset, string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	entries, bad, err := s.entries()
	if err != nil {
		return Preset{}, "", err
	}
	i := lookup(entries, name)
	if i < 0 {
		if pe := damaged(bad, name); pe != nil {
			return Preset{}, "", pe
		}
		return Preset{}, "", notFound(name)
	}
	return entries[i].preset, entries[i].path, nil
}

// damaged is the error of the file that the preset called name would be saved in, when
// that file cannot be used: its name is inside it, so the file's name is the one clue to
// which preset it was, and its own sentence says more than "no such preset".
func damaged(bad []error, name string) *PresetError {
	file := presetFileName(strings.TrimSpace(name))
	for _, err := range bad {
		var pe *PresetError
		if errors.As(err, &pe) && strings.EqualFold(strings.TrimSuffix(filepath.Base(pe.Path), filepath.Ext(pe.Path)), file) {
			return pe
		}
	}
	return nil
}

// Save creates the preset, or replaces the one of the same name (case does not matter).
func (s *Presets) Save(p Preset) error {
	data, err := encodePreset(p)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	entries, _, err := s.entries()
	if err != nil {
		return err
	}
	if i := lookup(entries, p.Name); i >= 0 {
		return writeFileAtomic(entries[i].path, data)
	}
	path, err := s.freePath(p.Name)
	if err != nil {
		return err
	}
	return writeFileAtomic(path, data)
}

// freePath is a file path for a new preset that no existing file uses. Existence is asked
// of the file system itself, which also catches names that differ only in case or Unicode
// normalisation on macOS and Windows.
func (s *Presets) freePath(name string) (string, error) {
	dir, err := s.dir()
	if err != nil {
		return "", err
	}
	base := presetFileName(name)
	for n := 1; ; n++ {
		file := base + ".json"
		if n > 1 {
			file = base + " " + strconv.Itoa(n) + ".json"
		}
		path := filepath.Join(dir, file)
		if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
			return path, nil
		} else if err != nil {
			return "", fail("store.presets.unusable", words.A{"Path": dir, "Reason": err}, err)
		}
	}
}

// Rename gives the preset called from the name to; its file is renamed to match.
func (s *Presets) Rename(from, to string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	entries, _, err := s.entries()
	if err != nil {
		return err
	}
	i := lookup(entries, from)
	if i < 0 {
		return notFound(from)
	}
	if j := lookup(entries, to); j >= 0 && j != i {
		return fail("store.preset.name_taken", words.A{"Name": entries[j].preset.Name}, nil)
	}
	p := entries[i].preset
	p.Name = strings.TrimSpace(to)
	data, err := encodePreset(p)
	if err != nil {
		return err
	}
	old := entries[i].path
	if file := presetFileName(p.Name) + ".json"; strings.EqualFold(file, filepath.Base(old)) {
		// Same file name but for case: rewrite in place, then let the rename fix the case
		// (a new file beside it would be the same file on macOS and Windows).
		if err := writeFileAtomic(old, data); err != nil {
			return err
		}
		return os.Rename(old, filepath.Join(filepath.Dir(old), file))
	}
	path, err := s.freePath(to)
	if err != nil {
		return err
	}
	if err := writeFileAtomic(path, data); err != nil {
		return err
	}
	if err := os.Remove(old); err != nil {
		return fail("store.preset.old_file_left", words.A{"Path": old, "Reason": err}, err)
	}
	return nil
}

// Delete removes the preset called name.
func (s *Presets) Delete(name string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	entries, _, err := s.entries()
	if err != nil {
		return err
	}
	i := lookup(entries, name)
	if i < 0 {
		return notFound(name)
	}
	if err := os.Remove(entries[i].path); err != nil {
		return fail("store.preset.not_deleted", words.A{"Name": name, "Reason": err}, err)
	}
	return nil
}
