package uploader

import (
	"fmt"
	"path"
	"strings"
)

// Scene7 pre-flight: what Scene7 will make of each file's name, computed before anything
// is sent (docs/protocol.md, "Asset names"). Nothing here refuses a file: the window shows
// the warnings on the rows and lets people go on, the CLI prints them and refuses only
// with --strict-names.
//
// Folders are not part of the asset ID here. Which files count as the same asset is a
// company setting (Overwrite Images: same folder or any folder, same extension or any);
// Hoist cannot read it, so it warns under the broadest rule, one ID per company whatever
// the folder and extension, which is also the rule the Local sandbox applies. A warning
// that may not apply costs a glance; a missed one costs a replaced asset.

// NameWarningKind is what pre-flight found about a name.
type NameWarningKind int

const (
	// WarnSameAsset: another file of the job becomes the same asset (hero.jpg and
	// hero.png, or a&b.tif and ab.tif); one replaces the other.
	WarnSameAsset NameWarningKind = iota + 1
	// WarnCharsRemoved: Scene7 removes characters from the name, so the asset is called
	// something else than the file (AssetID says what).
	WarnCharsRemoved
	// WarnUnsupported: Scene7 does not process files with this extension (or none).
	WarnUnsupported
)

var warningNames = [...]string{WarnSameAsset: "same-asset", WarnCharsRemoved: "characters-removed", WarnUnsupported: "unsupported-format"}

func (k NameWarningKind) String() string {
	if k > 0 && int(k) < len(warningNames) {
		return warningNames[k]
	}
	return "NameWarningKind(?)"
}

// MarshalText names the kind in JSON output.
func (k NameWarningKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// NameWarning is one thing pre-flight found about one file.
type NameWarning struct {
	Kind    NameWarningKind
	Rel     string // the file, as in Item.Rel
	AssetID string // the asset Scene7 makes of it
	Other   string // WarnSameAsset: another file of the job with the same AssetID
	Ext     string // WarnUnsupported: the extension without its dot, "" for none
}

func (w NameWarning) String() string {
	return fmt.Sprintf("%s: %s (asset ID %q)", w.Rel, w.Kind, w.AssetID)
}

// removedChars are the characters Scene7 takes out of names on upload (docs/protocol.md,
// "Asset names").
const removedChars = `\;/?:@&=+$,*"<>|'{}%`

// scene7Formats are the extensions Scene7 processes, lower case (docs/protocol.md,
// "Asset names").
var scene7Formats = map[string]bool{}

func init() {
	for _, e := range strings.Fields(`bmp fpx gif jpg jpeg png pict tif tiff psd ai indd indt pdf eps ps fxg svg svgx
		afm otf pfb pfm ttc ttf icc icm css js xml zip tar
		3gp avi m2p m2t m2ts m2v m4v mov mp4 mpeg mpg mts ogv ts vob wmv asf
		aac ac3 wav wma aiff mp3 doc ppt rtf xls vnc vnt vnw`) {
		scene7Formats[e] = true
	}
}

// splitExt splits a file name into its stem and extension (without the dot). A name
// that starts with its only dot (".profile") has no extension.
func splitExt(name string) (stem, ext string) {
	e := path.Ext(name)
	if e == "" || len(e) == len(name) {
		return name, ""
	}
	return name[:len(name)-len(e)], e[1:]
}

// AssetID is the Scene7 asset ID of a file: its name (NFC) without folder and extension,
// without the characters Scene7 removes.
func AssetID(rel string) string {
	id, _, _ := nameParts(rel)
	return id
}

// nameParts are the asset ID of a file and the stem and extension of its name (NFC) it
// comes from; the ID shares the name's memory when Scene7 removes nothing.
func nameParts(rel string) (id, stem, ext string) {
	stem, ext = splitExt(path.Base(NFC(rel)))
	id = strings.Map(func(r rune) rune {
		if strings.ContainsRune(removedChars, r) {
			return -1
		}
		return r
	}, stem)
	return id, stem, ext
}

// Preflight returns the warnings about the files of one Scene7 job (their Item.Rel), in
// the order of rels, the kinds of one file in the order of NameWarningKind. Every file
// of a group that becomes the same asset gets a warning naming another of the group.
// It is a NameIndex filled at once, so that the queue's incremental pre-flight and this
// one cannot disagree.
func Preflight(rels []string) []NameWarning {
	// Sized once: the index's map and its files in one array, not grown and allocated
	// file by file (the CLI runs this before every upload).
	x := NameIndex[int]{groups: make(map[string]*NameFile[int], len(rels)), oneOff: true}
	files := make([]NameFile[int], len(rels))
	for i, rel := range rels {
		files[i] = NameFile[int]{key: i, rel: rel}
		x.insert(&files[i])
	}
	var out []NameWarning
	for i := range files {
		out = x.AppendWarnings(out, &files[i])
	}
	return out
}
