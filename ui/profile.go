package ui

import (
	"fmt"
	"strings"

	"hoist/app/store"
	"hoist/uploader"
)

// describe says in a few words where a profile points.
func describe(p store.Profile) string {
	switch {
	case p.Sandbox:
		return "This computer (Local sandbox) · nothing leaves it"
	case p.Service == uploader.DrSum:
		return "Dr.Sum Cloud Hub · " + hostOf(p.UploadURL)
	case p.UploadURL != "":
		return "Scene7 · " + hostOf(p.UploadURL)
	}
	stage := "production"
	if p.Staging {
		stage = "staging"
	}
	return fmt.Sprintf("Scene7 · %s · %s", p.Region.Label(), stage)
}

func hostOf(raw string) string {
	s := strings.TrimPrefix(strings.TrimPrefix(raw, "https://"), "http://")
	if i := strings.IndexByte(s, '/'); i >= 0 {
		s = s[:i]
	}
	if s == "" {
		return "no address yet"
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

// kinds lists the servers a profile can point to, in the order people are shown them.
var kinds = func() []kind {
	var ks []kind
	for _, r := range uploader.Regions {
		ks = append(ks,
			kind{label: "Scene7 · " + r.Label() + " · production", service: uploader.Scene7, region: r},
			kind{label: "Scene7 · " + r.Label() + " · staging", service: uploader.Scene7, region: r, staging: true})
	}
	return append(ks,
		kind{label: "Scene7 · custom address", service: uploader.Scene7},
		kind{label: "Dr.Sum Cloud Hub", service: uploader.DrSum})
}()

func kindLabels() []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = k.label
	}
	return out
}

func kindOf(p store.Profile) kind {
	if p.Service == uploader.DrSum {
		return kinds[len(kinds)-1]
	}
	if p.UploadURL == "" {
		for _, k := range kinds {
			if k.region == p.Region && k.staging == p.Staging {
				return k
			}
		}
	}
	return kinds[len(kinds)-2] // a custom Scene7 address
}

func kindByLabel(label string) (kind, bool) {
	for _, k := range kinds {
		if k.label == label {
			return k, true
		}
	}
	return kind{}, false
}
