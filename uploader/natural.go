package uploader

import (
	"cmp"
	"strings"
)

// naturalCompare orders names as Finder and Explorer list them: a run of digits counts as
// its number, so hero-2.jpg comes before hero-10.jpg (byte order put hero-10 first: a
// campaign's img-1 … img-120 went out, and were listed, as img-1, img-10, img-100…).
// Everything else compares byte by byte, as before. Names that differ only in how a
// number is written (01 and 1) are ordered by the first such number's bytes, so that the
// order is total. Cheap where names differ outside numbers: the common prefix is passed
// once (the walk of a large drop sorts 100,000 names).
func naturalCompare(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	// The difference may be inside a number whose start both names share.
	for i > 0 && isDigit(a[i-1]) {
		i--
	}
	tie := 0
	for i < len(a) && i < len(b) {
		if isDigit(a[i]) && isDigit(b[i]) {
			na, nb := digitRun(a[i:]), digitRun(b[i:])
			if c := compareNumbers(na, nb); c != 0 {
				return c
			}
			if tie == 0 {
				tie = strings.Compare(na, nb)
			}
			a, b, i = a[i+len(na):], b[i+len(nb):], 0
			continue
		}
		if a[i] != b[i] {
			return cmp.Compare(a[i], b[i])
		}
		i++
	}
	if c := cmp.Compare(len(a)-i, len(b)-i); c != 0 {
		return c
	}
	return tie
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// digitRun is the digits s starts with.
func digitRun(s string) string {
	n := 0
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	return s[:n]
}

// compareNumbers compares two runs of digits by value, whatever their length.
func compareNumbers(a, b string) int {
	a, b = strings.TrimLeft(a, "0"), strings.TrimLeft(b, "0")
	if len(a) != len(b) {
		if len(a) < len(b) {
			return -1
		}
		return 1
	}
	return strings.Compare(a, b)
}
