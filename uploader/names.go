package uploader

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Every request is cleaned here, whoever builds it (the window, the CLI, a library
// caller), so that the same folder and the same names give the same upload everywhere:
// the destination folder loses stray slashes, names are normalised to NFC (macOS hands
// out decomposed names, NFD, which look the same but are other bytes), and a name with a
// control character is refused before anything is sent.

// NameProblem is what is wrong with a file name or the destination folder.
type NameProblem int

const (
	// NameControl: the name holds a control character (a tab, a line break, …), which
	// servers refuse or mangle and people cannot see.
	NameControl NameProblem = iota + 1
	// NameSameAfterNFC: two files differ only in how their accents are encoded (one
	// composed, one decomposed as macOS writes them), so they would land as one file.
	NameSameAfterNFC
	// FolderDots: the destination folder has a "." or ".." segment, which does not name
	// a folder on the server.
	FolderDots
)

// NameError is a file name or destination folder the engine refuses before sending.
type NameError struct {
	Kind NameProblem
	// Rel is the file's path under the destination folder, or the folder itself for
	// the folder's problems.
	Rel string
	// Char is the control character found (NameControl).
	Char rune
	// Other is where the file that takes the same name is on disk (NameSameAfterNFC).
	Other string
	// Folder is set when Rel is the destination folder rather than a file.
	Folder bool
}

func (e *NameError) Error() string {
	switch e.Kind {
	case NameControl:
		return fmt.Sprintf("%q: control character %U in the name", e.Rel, e.Char)
	case NameSameAfterNFC:
		return fmt.Sprintf("%q: same name as %q after Unicode normalisation", e.Rel, e.Other)
	case FolderDots:
		return fmt.Sprintf("destination folder %q: . or .. segment", e.Rel)
	}
	return fmt.Sprintf("%q: bad name", e.Rel)
}

// controlIn returns the first control character of s, or -1. C0, DEL and C1 controls
// count; format characters such as the zero-width joiner are part of some scripts and do not.
func controlIn(s string) rune {
	for _, r := range s {
		if unicode.IsControl(r) {
			return r
		}
	}
	return -1
}

// NFC returns s in Unicode normalisation form C, the form servers and Windows use.
func NFC(s string) string { return norm.NFC.String(s) }

// CleanFolder returns the destination folder as the service expects it: NFC, slash-
// separated (a backslash typed on Windows is a separator), without empty segments and,
// for Scene7, without a leading slash (Scene7 folders are relative to the company's
// root; a leading slash makes the servlet refuse every file). Dr.Sum's dest_dir is an
// absolute path on the server, so its leading slash (or drive letter) stays. Trailing
// slashes go for both. A control character or a "." / ".." segment is a *NameError.
func CleanFolder(svc Service, folder string) (string, error) {
	f := NFC(strings.TrimSpace(folder))
	if r := controlIn(f); r >= 0 {
		return "", &NameError{Kind: NameControl, Rel: f, Char: r, Folder: true}
	}
	f = strings.ReplaceAll(f, `\`, "/")
	absolute := strings.HasPrefix(f, "/")
	var segs []string
	for _, s := range strings.Split(f, "/") {
		switch strings.TrimSpace(s) {
		case "":
			continue
		case ".", "..":
			return "", &NameError{Kind: FolderDots, Rel: folder, Folder: true}
		}
		segs = append(segs, s)
	}
	out := strings.Join(segs, "/")
	if svc == DrSum && absolute {
		out = "/" + out
	}
	return out, nil
}

// cleanItems normalises the items' relative paths to NFC (on a copy: the caller's slice
// is not changed) and returns, per item, the *NameError that refuses it: a control
// character anywhere in its path, or a path that another item already takes once both
// are normalised. When every path is already NFC and clean, which the walk makes nearly
// always so, the items themselves come back, with refused nil: only a path that
// normalisation changes can meet another, and the copy, the errors and the index were
// 220 KB of a 2,000-file upload's allocations (bench/README.md). An upload never writes
// to its items (Request.Items).
func cleanItems(items []Item) ([]Item, []error) {
	if !slices.ContainsFunc(items, func(it Item) bool { return !norm.NFC.IsNormalString(it.Rel) || controlIn(it.Rel) >= 0 }) {
		return items, nil
	}
	return normaliseItems(items)
}

// normaliseItems is cleanItems' whole work, on a copy.
func normaliseItems(items []Item) ([]Item, []error) {
	out := make([]Item, len(items))
	refused := make([]error, len(items))
	seen := make(map[string]int, len(items))
	for i, it := range items {
		raw := it.Rel
		it.Rel = NFC(it.Rel)
		out[i] = it
		if r := controlIn(it.Rel); r >= 0 {
			refused[i] = &NameError{Kind: NameControl, Rel: it.Rel, Char: r}
			continue
		}
		if j, ok := seen[it.Rel]; ok && items[j].Rel != raw {
			refused[i] = &NameError{Kind: NameSameAfterNFC, Rel: it.Rel, Other: items[j].Path}
			continue
		}
		seen[it.Rel] = i
	}
	return out, refused
}
