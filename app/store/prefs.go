package store

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sync"

	"hoist/internal/words"
)

const prefsFile = "preferences.json"

// Prefs are the window's own settings between runs (the last connection and folder, the
// window's size and place, the language…): one JSON object, Dir/preferences.json. Fyne
// would keep them in its own folder (~/.config/fyne/APPID), outside the config folder that
// HOIST_CONFIG_DIR moves for tests and the Local sandbox. They are held in memory and the
// file is rewritten whole and atomically after a change, by one goroutine at a time, so a
// burst of changes (a folder typed) is one or two writes and the window never waits for
// the disk; Flush waits for the last.
type Prefs struct {
	path    string // "" when the file must not be written (see OpenPrefs)
	existed bool
	// OnError, when set, hears of a write that failed, on the writing goroutine.
	OnError func(error)

	mu     sync.Mutex
	values map[string]any
	dirty  bool
	saving bool
	idle   sync.Cond // broadcast when saving ends
	err    error     // the last failed write's, until Flush
}

// OpenPrefs reads dir/preferences.json. The Prefs it returns are usable even with an
// error: a damaged file is set aside as preferences.json.damaged, which the error says,
// and the Prefs start empty; a file that cannot be read or set aside is left as it is and
// the Prefs are kept in memory only, so nothing the user had is written over.
func OpenPrefs(dir string) (*Prefs, error) {
	p := &Prefs{path: filepath.Join(dir, prefsFile), values: map[string]any{}}
	p.idle.L = &p.mu
	data, err := readSmallFile(p.path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return p, nil
	case err != nil:
		path := p.path
		p.path, p.existed = "", true
		return p, fail("store.prefs_file.unreadable", words.A{"Path": path, "Reason": err}, err)
	}
	p.existed = true
	err = json.Unmarshal(data, &p.values)
	if err == nil && p.values == nil { // the file says null
		err = &json.UnmarshalTypeError{Value: "null", Type: reflect.TypeFor[map[string]any]()}
	}
	if err == nil {
		return p, nil
	}
	p.values = map[string]any{}
	line, col, problem := jsonProblem(data, err)
	bad := &PrefsFileError{Path: p.path, Kept: p.path + ".damaged", Line: line, Column: col, Problem: problem, Err: err}
	if rerr := os.Rename(p.path, bad.Kept); rerr != nil {
		bad.Kept, p.path = "", ""
	}
	return p, bad
}

// Existed reports whether the file was there when the Prefs were opened: when it was not,
// the window's settings may still be in Fyne's own preferences, to bring over (Import).
func (p *Prefs) Existed() bool { return p.existed }

// Value is the value of key as JSON reads it back (string, float64, bool, []any).
func (p *Prefs) Value(key string) (any, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	v, ok := p.values[key]
	return v, ok
}

// Set keeps v, a value JSON writes, as key's; the file is written only if it changes.
func (p *Prefs) Set(key string, v any) error {
	if _, err := json.Marshal(v); err != nil { // NaN, a channel…: it would spoil every write
		return err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if old, ok := p.values[key]; ok && reflect.DeepEqual(old, v) {
		return nil
	}
	p.values[key] = v
	p.changed()
	return nil
}

// Remove forgets key.
func (p *Prefs) Remove(key string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, ok := p.values[key]; ok {
		delete(p.values, key)
		p.changed()
	}
}

// Import keeps every value of values that JSON can write (others are skipped), at once.
func (p *Prefs) Import(values map[string]any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for k, v := range values {
		if _, err := json.Marshal(v); err == nil {
			p.values[k] = v
		}
	}
	if len(values) > 0 {
		p.changed()
	}
}

// changed has the file written (p.mu held).
func (p *Prefs) changed() {
	p.dirty = true
	if !p.saving && p.path != "" {
		p.saving = true
		go p.save()
	}
}

// save writes the file until no change is left to write.
func (p *Prefs) save() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for p.dirty {
		p.dirty = false
		data, err := json.MarshalIndent(p.values, "", "  ")
		p.mu.Unlock()
		if err == nil {
			err = writeFileAtomic(p.path, append(data, '\n'))
		}
		if err != nil && p.OnError != nil {
			p.OnError(err)
		}
		p.mu.Lock()
		if err != nil {
			p.err = err
		}
	}
	p.saving = false
	p.idle.Broadcast()
}

// Flush waits for the changes to be written, and returns the last write's error since the
// last Flush, if one failed.
func (p *Prefs) Flush() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	for p.saving {
		p.idle.Wait()
	}
	err := p.err
	p.err = nil
	return err
}

// PrefsFileError is a preferences.json that cannot be read: it was set aside as Kept
// ("" when it could not be, and it is left untouched), and the window starts with its
// usual settings.
type PrefsFileError struct {
	Path, Kept   string
	Line, Column int // 0 when unknown
	Problem      FileProblem
	Err          error
}

func (e *PrefsFileError) Error() string { return words.Error(e) }

// Words says what is wrong and what became of the file, for words.Error.
func (e *PrefsFileError) Words() words.Message {
	m := fileSentence("store.prefs_file.bad", e.Path, e.Line, e.Column, e.Problem, e.Err)
	if e.Kept != "" {
		return words.Msg("store.prefs_file.set_aside", words.A{"Problem": m, "Kept": e.Kept})
	}
	return words.Msg("store.prefs_file.left", words.A{"Problem": m})
}

func (e *PrefsFileError) Unwrap() error { return e.Err }
