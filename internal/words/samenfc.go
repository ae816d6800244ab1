package words

import (
	"path/filepath"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Two files whose names differ only in Unicode form ("café" typed on Windows, where "é" is
// one character, and on macOS, where it is "e" followed by a separate accent mark) print
// the same and would land as one file; the engine keeps the first and refuses the other.
// Their names look identical, so the sentence tells them apart by how each writes its
// accented letters, names those letters, and says which one was kept.

// sameNFC words the refusal of the file at rel (its normalised path, as both would land)
// whose name on disk is skipped ("" when unknown) because the file at kept (its path on
// disk) takes the same name.
func sameNFC(rel, skipped, kept string) string {
	keptName := filepath.Base(kept)
	skippedName := ""
	if skipped != "" {
		skippedName = filepath.Base(skipped)
	}
	keptComposed := norm.NFC.IsNormalString(keptName)
	a := A{"Name": FileName(rel)}
	switch {
	case keptComposed && (skippedName == "" || !norm.NFC.IsNormalString(skippedName)):
		// The kept name is composed, so the other is not.
		chars := splitLetters(skippedName)
		if skippedName == "" {
			chars = accented(filepath.Base(rel))
		}
		a["Chars"] = charList(chars)
		return T("err.name.same_nfc.kept_single", a)
	case !keptComposed && (skippedName == "" || norm.NFC.IsNormalString(skippedName)):
		a["Chars"] = charList(splitLetters(keptName))
		return T("err.name.same_nfc.kept_separate", a)
	}
	// Both names have letters written in parts, differently: rare enough (a name copied
	// between systems by hand) to be told without which is which.
	return T("err.name.same_nfc", a)
}

// splitLetters are the letters of name written in parts (a letter and its separate
// marks), each as one character.
func splitLetters(name string) []string {
	var out []string
	for i := 0; i < len(name); {
		n := norm.NFC.NextBoundaryInString(name[i:], true)
		if n <= 0 {
			n = len(name) - i
		}
		if seg := name[i : i+n]; !norm.NFC.IsNormalString(seg) {
			out = appendOnce(out, norm.NFC.String(seg))
		}
		i += n
	}
	return out
}

// accented are the letters of a composed name that another form writes in parts: those
// with a canonical decomposition.
func accented(name string) []string {
	var out []string
	for _, r := range name {
		if s := string(r); norm.NFD.String(s) != s {
			out = appendOnce(out, s)
		}
	}
	return out
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// charList writes letters for a sentence: "é", or "é, è" (the sentence quotes the list).
func charList(chars []string) string {
	return strings.Join(chars, T("err.name.same_nfc.separator", nil))
}
