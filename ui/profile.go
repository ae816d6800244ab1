package ui

import (
	"strings"

	"hoist/app/store"
	"hoist/internal/words"
	"hoist/uploader"
)

// describe says in a few words where a profile points.
func describe(p store.Profile) string {
	switch {
	case p.Sandbox:
		return words.T("conn.where.sandbox", nil)
	case p.Service == uploader.DrSum:
		return words.T("conn.where.drsum", words.A{"Host": hostOf(p.UploadURL)})
	case p.UploadURL != "":
		return words.T("conn.where.scene7_host", words.A{"Host": hostOf(p.UploadURL)})
	}
	return kindOf(p).label
}

// regionName is a Scene7 region's name for people.
func regionName(r uploader.Region) string { return words.T("conn.region."+string(r), nil) }

func hostOf(raw string) string {
	s := strings.TrimPrefix(strings.TrimPrefix(raw, "https://"), "http://")
	if i := strings.IndexByte(s, '/'); i >= 0 {
		s = s[:i]
	}
	if s == "" {
		return words.T("conn.where.no_address", nil)
	}
	return s
}

// kind is one entry of the "Server" choice of the connection editor.
type kind struct {
	label   string
	service uploader.Service
	region  uploader.Region
	staging bool
}

// kinds lists the servers a profile can point to, in the order people are shown them, in
// the current language (made when asked: the language is chosen after package init).
func kinds() []kind {
	var ks []kind
	for _, r := range uploader.Regions {
		a := words.A{"Region": regionName(r)}
		ks = append(ks,
			kind{label: words.T("conn.kind.production", a), service: uploader.Scene7, region: r},
			kind{label: words.T("conn.kind.staging", a), service: uploader.Scene7, region: r, staging: true})
	}
	return append(ks,
		kind{label: words.T("conn.kind.custom", nil), service: uploader.Scene7},
		kind{label: words.T("conn.kind.drsum", nil), service: uploader.DrSum})
}

func kindLabels() []string {
	ks := kinds()
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = k.label
	}
	return out
}

func kindOf(p store.Profile) kind {
	ks := kinds()
	if p.Service == uploader.DrSum {
		return ks[len(ks)-1]
	}
	if p.UploadURL == "" {
		for _, k := range ks {
			if k.region == p.Region && k.staging == p.Staging {
				return k
			}
		}
	}
	return ks[len(ks)-2] // a custom Scene7 address
}

func kindByLabel(label string) (kind, bool) {
	for _, k := range kinds() {
		if k.label == label {
			return k, true
		}
	}
	return kind{}, false
}
