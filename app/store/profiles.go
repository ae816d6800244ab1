package store

import (
	"encoding/json"
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"sync"
	"unicode/utf8"

	"hoist/internal/words"
	"hoist/uploader"
)

const (
	profilesFile   = "profiles.json"
	profilesFormat = "hoist-profiles/1"
)

// ErrProfileNotFound is wrapped when no profile has the name asked for.
var ErrProfileNotFound = words.Sentinel("store.profile.not_found")

// ErrBuiltinProfile is wrapped when a change to a built-in profile is refused.
var ErrBuiltinProfile = words.Sentinel("store.profile.builtin")

// profilesDoc is profiles.json: the user's profiles (the built-ins are never stored) and
// the name of the default one ("" = the Local sandbox).
type profilesDoc struct {
	Format   string    `json:"format"`
	Default  string    `json:"default,omitempty"`
	Profiles []Profile `json:"profiles"`
}

// Profiles is the store of connection profiles in Dir/profiles.json. Every call reads the
// file and every change rewrites it atomically, so the GUI and the command line can share
// it. The zero value with Dir set is ready to use; Dir "" means DefaultDir.
type Profiles struct {
	Dir string
	mu  sync.Mutex
}

// ProfilesFileError is a profiles.json that cannot be read; it is left untouched.
type ProfilesFileError struct {
	Path         string
	Line, Column int // 0 when unknown
	Problem      FileProblem
	Err          error
}

func (e *ProfilesFileError) Error() string { return words.Error(e) }

// Words says what is wrong and what to do about it, for words.Error.
func (e *ProfilesFileError) Words() words.Message {
	return fileSentence("store.profiles_file.bad", e.Path, e.Line, e.Column, e.Problem, e.Err)
}

// Sentence is words.Error(e), for the callers that still ask the error itself.
func (e *ProfilesFileError) Sentence() string { return words.Error(e) }

func (e *ProfilesFileError) Unwrap() error { return e.Err }

func (s *Profiles) path() (string, error) {
	dir, err := resolveDir(s.Dir)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, profilesFile), nil
}

func (s *Profiles) load() (profilesDoc, error) {
	path, err := s.path()
	if err != nil {
		return profilesDoc{}, err
	}
	data, err := readSmallFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return profilesDoc{Format: profilesFormat}, nil
	}
	if err != nil {
		return profilesDoc{}, &ProfilesFileError{Path: path, Problem: FileProblem{Kind: ProblemUnreadable}, Err: err}
	}
	var doc profilesDoc
	// Unknown fields are tolerated (a newer Hoist may add some) and dropped on the next
	// save, which also drops any field a person may have added by hand, a password included.
	if err := json.Unmarshal(data, &doc); err != nil {
		line, col, p := jsonProblem(data, err)
		return profilesDoc{}, &ProfilesFileError{Path: path, Line: line, Column: col, Problem: p, Err: err}
	}
	if doc.Format != profilesFormat {
		return profilesDoc{}, &ProfilesFileError{Path: path, Problem: FileProblem{Kind: ProblemWrongFormat, Got: doc.Format, Want: profilesFormat}}
	}
	// A proxy saved with a password (by a version that took one, or by hand) is read
	// with the password masked: it is never shown, never sent, and the next save of the
	// file leaves it out. The masked address is still refused wherever it would be used
	// (Validate, the engine: uploader.ProxyPasswordError), with the sentence that says to
	// move the login to HTTPS_PROXY. The file is not rewritten on a read: a read that
	// writes would race with the other program sharing it (the window, the CLI).
	for i := range doc.Profiles {
		doc.Profiles[i].Proxy = uploader.RedactProxy(doc.Profiles[i].Proxy)
	}
	return doc, nil
}

func (s *Profiles) store(doc profilesDoc) error {
	path, err := s.path()
	if err != nil {
		return err
	}
	doc.Format = profilesFormat
	if doc.Profiles == nil {
		doc.Profiles = []Profile{}
	}
	data, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return fail("store.profiles.encode", nil, err)
	}
	return writeFileAtomic(path, append(data, '\n'))
}

// List returns the built-in profiles first, then the user's in the order they were made.
func (s *Profiles) List() ([]Profile, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, err := s.load()
	if err != nil {
		return nil, err
	}
	return append(BuiltinProfiles(), doc.Profiles...), nil
}

// Get returns the profile called name (case does not matter).
func (s *Profiles) Get(name string) (Profile, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, err := s.load()
	if err != nil {
		return Profile{}, err
	}
	return find(doc, name)
}

func find(doc profilesDoc, name string) (Profile, error) {
	name = strings.TrimSpace(name)
	if p, ok := builtinNamed(name); ok {
		return p, nil
	}
	if i := indexOf(doc, name); i >= 0 {
		return doc.Profiles[i], nil
	}
	return Profile{}, noProfile(name)
}

func indexOf(doc profilesDoc, name string) int {
	for i, p := range doc.Profiles {
		if sameName(p.Name, name) {
			return i
		}
	}
	return -1
}

// normalize trims what people paste with stray spaces.
func normalize(p Profile) Profile {
	p.Name = strings.TrimSpace(p.Name)
	p.UploadURL = strings.TrimSpace(p.UploadURL)
	p.APIURL = strings.TrimSpace(p.APIURL)
	p.Company = strings.TrimSpace(p.Company)
	p.User = strings.TrimSpace(p.User)
	p.DestFolder = strings.TrimSpace(p.DestFolder)
	return p
}

func nameTaken(name string) error {
	return &ProfileError{Problems: []FieldProblem{problem("name", "store.profile.name_taken", words.A{"Name": name})}}
}

// noProfile says there is no connection called name (errors.Is ErrProfileNotFound).
func noProfile(name string) error {
	return caseOf(ErrProfileNotFound, "store.profile.no_such", words.A{"Name": name})
}

// builtin refuses a change to the built-in connection called name (errors.Is
// ErrBuiltinProfile).
func builtin(name string) error {
	return caseOf(ErrBuiltinProfile, "store.profile.builtin_named", words.A{"Name": DisplayName(name)})
}

// Save creates a profile (original == "") or replaces the one called original, which may
// rename it: its place in the list is kept and, if it was the default, the default follows
// the new name. Names are unique whatever their case. The built-ins cannot be replaced.
func (s *Profiles) Save(original string, p Profile) error {
	if original != "" && IsBuiltin(original) {
		return builtin(original)
	}
	p = normalize(p)
	if err := p.Validate(); err != nil {
		return err
	}
	if IsBuiltin(p.Name) {
		return nameTaken(p.Name)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, err := s.load()
	if err != nil {
		return err
	}
	at := -1
	if original != "" {
		if at = indexOf(doc, original); at < 0 {
			return noProfile(original)
		}
	}
	for i, q := range doc.Profiles {
		if i != at && sameName(q.Name, p.Name) {
			return nameTaken(p.Name)
		}
	}
	if at < 0 {
		doc.Profiles = append(doc.Profiles, p)
	} else {
		if sameName(doc.Default, doc.Profiles[at].Name) {
			doc.Default = p.Name
		}
		doc.Profiles[at] = p
	}
	return s.store(doc)
}

// Duplicate copies the profile called name under the first free name among "NAME copy",
// "NAME copy 2", "NAME copy 3"... and returns the copy.
func (s *Profiles) Duplicate(name string) (Profile, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, err := s.load()
	if err != nil {
		return Profile{}, err
	}
	p, err := find(doc, name)
	if err != nil {
		return Profile{}, err
	}
	// A built-in's copy is named after it as people read it ("Bac à sable local copie").
	p.Name = copyName(DisplayName(p.Name), func(n string) bool {
		_, err := find(doc, n)
		return err == nil
	})
	doc.Profiles = append(doc.Profiles, p)
	return p, s.store(doc)
}

// copyName picks the first name of the "X copy", "X copy 2"... series that is not taken,
// shortening X so the result stays within maxNameLen.
func copyName(name string, taken func(string) bool) string {
	for n := 1; ; n++ {
		c := copyOf(name, n)
		if over := utf8.RuneCountInString(c) - maxNameLen; over > 0 {
			r := []rune(name)
			c = copyOf(strings.TrimSpace(string(r[:max(len(r)-over, 0)])), n)
		}
		if !taken(c) {
			return c
		}
	}
}

// copyOf is the n-th copy's name of a profile called name ("X copy", "X copy 2"), in the
// current language: it becomes the copy's own name, which people may change.
func copyOf(name string, n int) string {
	if n == 1 {
		return words.T("store.profile.copy_name", words.A{"Name": name})
	}
	return words.T("store.profile.copy_name_n", words.A{"Name": name, "N": n})
}

// Delete removes the profile called name. Its keychain password is left alone: other
// profiles may share it (Credentials.Forget removes it).
func (s *Profiles) Delete(name string) error {
	if IsBuiltin(name) {
		return builtin(name)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, err := s.load()
	if err != nil {
		return err
	}
	i := indexOf(doc, name)
	if i < 0 {
		return noProfile(name)
	}
	if sameName(doc.Default, name) {
		doc.Default = ""
	}
	doc.Profiles = append(doc.Profiles[:i], doc.Profiles[i+1:]...)
	return s.store(doc)
}

// SetDefault makes the profile called name the one chosen at start.
func (s *Profiles) SetDefault(name string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, err := s.load()
	if err != nil {
		return err
	}
	p, err := find(doc, name)
	if err != nil {
		return err
	}
	doc.Default = p.Name
	return s.store(doc)
}

// Default returns the default profile: the one chosen with SetDefault, or the Local
// sandbox on a first run or once the chosen one was deleted.
func (s *Profiles) Default() (Profile, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, err := s.load()
	if err != nil {
		return Profile{}, err
	}
	if p, err := find(doc, doc.Default); err == nil && doc.Default != "" {
		return p, nil
	}
	return BuiltinProfiles()[0], nil
}
