package sandbox

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// What Scene7 makes of a file's name (docs/protocol.md §Asset names): some characters are
// removed from it, and the name without its extension is the asset ID, unique within a
// company and case-sensitive. The sandbox applies the broadest Overwrite Images rule: one
// ID per company, whatever the folder or extension. This is written from the docs alone,
// independently of the engine's pre-flight, so that the two can only agree through them.

// removedFromNames are the characters removed from file names on upload.
const removedFromNames = `\;/?:@&=+$,*"<>|'{}%`

// sceneFileBase is a file name as Scene7 keeps it: the removed characters taken out.
func sceneFileBase(name string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(removedFromNames, r) {
			return -1
		}
		return r
	}, name)
}

// assetIDOf is the asset ID of a file name: the name without its extension — from the
// last dot, unless that dot is the name's first character — and without the removed
// characters. For a name as stored (already without them) it gives the same ID.
func assetIDOf(name string) string {
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		name = name[:i]
	}
	return sceneFileBase(name)
}

// sceneAsset cleans the file name of an asset path (folder names are kept as sent) and
// returns the path Scene7 stores it under with its asset ID. The ID is "" when nothing of
// the name is left but an extension.
func sceneAsset(assetPath string) (stored, id string) {
	dir, base := path.Split(assetPath)
	return dir + sceneFileBase(base), assetIDOf(base)
}

// Asset is one asset of the sandbox's Scene7 store.
type Asset struct {
	ID   string // the asset ID (docs/protocol.md §Asset names)
	Path string // the folder path and file name it is stored under
}

// Assets lists a company's assets by ID: what the Scene7 store holds after the naming
// rules did their work.
func (s *Server) Assets(company string) []Asset {
	s.mu.Lock()
	defer s.mu.Unlock()
	idx := s.assetIndexLocked(company)
	out := make([]Asset, 0, len(idx))
	for id, p := range idx {
		out = append(out, Asset{ID: id, Path: p})
	}
	sort.Slice(out, func(a, b int) bool { return out[a].ID < out[b].ID })
	return out
}

// assetIndexLocked returns the company's asset index (ID → stored path), reading the
// store folder the first time so that assets of earlier runs count. Caller holds s.mu.
func (s *Server) assetIndexLocked(company string) map[string]string {
	if idx, ok := s.assets[company]; ok {
		return idx
	}
	idx := map[string]string{}
	root := s.Scene7File(company, "")
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return nil // an unreadable folder holds no assets the sandbox can serve
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return nil
		}
		rel = filepath.ToSlash(rel)
		if id := assetIDOf(path.Base(rel)); id != "" {
			idx[id] = rel
		}
		return nil
	})
	s.assets[company] = idx
	return idx
}

// claimAssetLocked records that a company's asset id is now stored at assetPath. An
// earlier asset of that ID stored elsewhere leaves the store: the new file replaces it, in
// its new folder. Caller holds s.mu.
func (s *Server) claimAssetLocked(company, id, assetPath string) error {
	idx := s.assetIndexLocked(company)
	prev, taken := idx[id]
	idx[id] = assetPath
	if !taken || prev == assetPath {
		return nil
	}
	if err := os.Remove(s.Scene7File(company, prev)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
