package app

import (
	"os"
	"sync"

	"fyne.io/fyne/v2"

	"hoist/app/store"
)

// hoistApp is the Fyne app with the window's preferences kept by Hoist, in the config
// folder (store.Prefs), rather than by Fyne in its own (~/.config/fyne/io.hoist.app),
// which HOIST_CONFIG_DIR does not move: the tests and the Local sandbox would read and
// write the user's real settings. Hoist's code reaches the preferences only through the
// app it is given (Build, speak, ui.New); Fyne's file and colour dialogs, which Hoist does
// not use, would still use Fyne's own.
type hoistApp struct {
	fyne.App
	prefs *preferences
	// trouble is what went wrong reading the preferences file, to say once the window
	// is up (nil when nothing did).
	trouble error
}

func (a *hoistApp) Preferences() fyne.Preferences { return a.prefs }

// ownConfigDir reports whether dir, a config folder asked for ("" = store.DefaultDir), is
// the user's own rather than one HOIST_CONFIG_DIR names.
func ownConfigDir(dir string) bool { return dir == "" && os.Getenv(store.ConfigDirEnv) == "" }

// withPrefs gives a the preferences of the config folder dir; a that has them already is
// returned as it is. With fromFyne, the first time (no preferences file yet), the values
// Fyne kept before are brought over, once: only for the user's own config folder, since a
// folder of HOIST_CONFIG_DIR (tests, the Local sandbox, screenshots) must not take the
// user's real settings either.
func withPrefs(a fyne.App, dir string, fromFyne bool) *hoistApp {
	if h, ok := a.(*hoistApp); ok {
		return h
	}
	p, err := store.OpenPrefs(dir)
	p.OnError = func(err error) { fyne.LogError("saving the window's settings", err) }
	if fromFyne && !p.Existed() {
		// Fyne's preferences hold their values in a map that ReadValues lends.
		if fyneOwn, ok := a.Preferences().(interface{ ReadValues(func(map[string]any)) }); ok {
			fyneOwn.ReadValues(func(values map[string]any) { p.Import(jsonValues(values)) })
		}
	}
	return &hoistApp{App: a, prefs: &preferences{store: p}, trouble: err}
}

// jsonValues is values with Fyne's typed lists as JSON reads them back ([]any).
func jsonValues(values map[string]any) map[string]any {
	out := make(map[string]any, len(values))
	for k, v := range values {
		switch l := v.(type) {
		case []bool:
			out[k] = anyList(l)
		case []float64:
			out[k] = anyList(l)
		case []int:
			out[k] = anyList(intsAsFloats(l))
		case []string:
			out[k] = anyList(l)
		case int:
			out[k] = float64(l)
		default:
			out[k] = v
		}
	}
	return out
}

// preferences is fyne.Preferences over store.Prefs. Values are kept as JSON reads them
// back (numbers as float64, lists as []any), so a value reads the same before and after a
// restart; reading one of another type gives the fallback, as Fyne's do.
type preferences struct {
	store     *store.Prefs
	mu        sync.Mutex
	listeners []func()
}

var _ fyne.Preferences = (*preferences)(nil)

func (p *preferences) set(key string, v any) {
	if err := p.store.Set(key, v); err != nil {
		fyne.LogError("keeping the window setting "+key, err)
		return
	}
	p.fire()
}

func (p *preferences) fire() {
	p.mu.Lock()
	listeners := p.listeners
	p.mu.Unlock()
	for _, l := range listeners {
		l()
	}
}

// value is key's value as a T, or fallback.
func value[T any](p *preferences, key string, fallback T) T {
	if v, ok := p.store.Value(key); ok {
		if t, ok := v.(T); ok {
			return t
		}
	}
	return fallback
}

// list is key's list with every item a T, or fallback.
func list[T any](p *preferences, key string, fallback []T) []T {
	v, ok := p.store.Value(key)
	items, isList := v.([]any)
	if !ok || !isList {
		return fallback
	}
	out := make([]T, len(items))
	for i, item := range items {
		t, ok := item.(T)
		if !ok {
			return fallback
		}
		out[i] = t
	}
	return out
}

func anyList[T any](l []T) []any {
	out := make([]any, len(l))
	for i, v := range l {
		out[i] = v
	}
	return out
}

func intsAsFloats(l []int) []float64 {
	out := make([]float64, len(l))
	for i, v := range l {
		out[i] = float64(v)
	}
	return out
}

func floatsAsInts(l []float64) []int {
	out := make([]int, len(l))
	for i, v := range l {
		out[i] = int(v)
	}
	return out
}

func (p *preferences) Bool(key string) bool { return p.BoolWithFallback(key, false) }
func (p *preferences) BoolWithFallback(key string, fallback bool) bool {
	return value(p, key, fallback)
}
func (p *preferences) SetBool(key string, v bool) { p.set(key, v) }
func (p *preferences) BoolList(key string) []bool { return p.BoolListWithFallback(key, []bool{}) }
func (p *preferences) BoolListWithFallback(key string, fallback []bool) []bool {
	return list(p, key, fallback)
}
func (p *preferences) SetBoolList(key string, v []bool) { p.set(key, anyList(v)) }

func (p *preferences) Float(key string) float64 { return p.FloatWithFallback(key, 0) }
func (p *preferences) FloatWithFallback(key string, fallback float64) float64 {
	return value(p, key, fallback)
}
func (p *preferences) SetFloat(key string, v float64) { p.set(key, v) }
func (p *preferences) FloatList(key string) []float64 {
	return p.FloatListWithFallback(key, []float64{})
}
func (p *preferences) FloatListWithFallback(key string, fallback []float64) []float64 {
	return list(p, key, fallback)
}
func (p *preferences) SetFloatList(key string, v []float64) { p.set(key, anyList(v)) }

// Int reads the float64 JSON gives back, as Fyne's own preferences do.
func (p *preferences) Int(key string) int { return p.IntWithFallback(key, 0) }
func (p *preferences) IntWithFallback(key string, fallback int) int {
	if f, ok := p.store.Value(key); ok {
		if f, ok := f.(float64); ok {
			return int(f)
		}
	}
	return fallback
}
func (p *preferences) SetInt(key string, v int) { p.set(key, float64(v)) }
func (p *preferences) IntList(key string) []int { return p.IntListWithFallback(key, []int{}) }
func (p *preferences) IntListWithFallback(key string, fallback []int) []int {
	if l := list[float64](p, key, nil); l != nil {
		return floatsAsInts(l)
	}
	return fallback
}
func (p *preferences) SetIntList(key string, v []int) { p.set(key, anyList(intsAsFloats(v))) }

func (p *preferences) String(key string) string { return p.StringWithFallback(key, "") }
func (p *preferences) StringWithFallback(key, fallback string) string {
	return value(p, key, fallback)
}
func (p *preferences) SetString(key string, v string) { p.set(key, v) }
func (p *preferences) StringList(key string) []string {
	return p.StringListWithFallback(key, []string{})
}
func (p *preferences) StringListWithFallback(key string, fallback []string) []string {
	return list(p, key, fallback)
}
func (p *preferences) SetStringList(key string, v []string) { p.set(key, anyList(v)) }

func (p *preferences) RemoveValue(key string) {
	p.store.Remove(key)
	p.fire()
}

func (p *preferences) AddChangeListener(l func()) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.listeners = append(p.listeners, l)
}

func (p *preferences) ChangeListeners() []func() {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.listeners
}
