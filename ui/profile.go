package ui

import (
	"fmt"
	"strings"

	"hoist/uploader"
)

// Profile is a saved connection: where uploads go and who sends them. The password is
// never part of it (it lives in the keychain, or in memory for this session only).
type Profile struct {
	Name    string
	Service uploader.Service
	// Region and Staging choose a Scene7 data centre; Region "" means the custom
	// UploadURL (and optional APIURL) below. Dr.Sum always uses UploadURL.
	Region            uploader.Region
	Staging           bool
	UploadURL         string
	APIURL            string
	AllowInsecureHTTP bool // Dr.Sum only: plain http to a host that is not this computer
	User              string
	Company           string // Scene7 company handle, e.g. c|2101
	DestFolder        string // the destination folder suggested for this connection
}

// Endpoint is where the profile's requests go; the error is a sentence for people.
func (p Profile) Endpoint() (uploader.Endpoint, error) {
	switch {
	case p.Service == uploader.DrSum:
		if strings.TrimSpace(p.UploadURL) == "" {
			return uploader.Endpoint{}, fmt.Errorf("enter the address of the Dr.Sum server, such as https://drsum.example.com%s", uploader.DrSumUploadPath)
		}
		return uploader.CustomEndpoint(uploader.DrSum, p.UploadURL, "", p.AllowInsecureHTTP)
	case p.Region != "":
		return uploader.Scene7Endpoint(p.Region, p.Staging)
	case strings.TrimSpace(p.UploadURL) == "":
		return uploader.Endpoint{}, fmt.Errorf("enter the UploadFile address, such as https://host%s", uploader.Scene7UploadPath)
	}
	return uploader.CustomEndpoint(uploader.Scene7, p.UploadURL, p.APIURL, false)
}

// Describe says in a few words where the profile points.
func (p Profile) Describe() string {
	switch {
	case p.Service == uploader.DrSum:
		return "Dr.Sum Cloud Hub · " + hostOf(p.UploadURL)
	case p.Region != "":
		stage := "production"
		if p.Staging {
			stage = "staging"
		}
		return fmt.Sprintf("Scene7 · %s · %s", p.Region.Label(), stage)
	}
	return "Scene7 · " + hostOf(p.UploadURL)
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

func kindOf(p Profile) kind {
	for _, k := range kinds {
		if k.service == p.Service && k.region == p.Region && (k.region == "" || k.staging == p.Staging) {
			return k
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
