package uploader

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
)

// Service names a destination protocol.
type Service string

const (
	Scene7 Service = "scene7" // Adobe Scene7 / Dynamic Media Classic UploadFile servlet
	DrSum  Service = "drsum"  // Dr.Sum Cloud Hub file upload Web API
)

// Region is a Scene7 data centre.
type Region string

const (
	RegionNA   Region = "na"   // North America
	RegionEMEA Region = "emea" // Europe, Middle East, Asia
	RegionAPAC Region = "apac" // Japan / Asia-Pacific
)

// Regions lists the Scene7 regions in the order people are shown them.
var Regions = []Region{RegionNA, RegionEMEA, RegionAPAC}

// regionHosts is the one table of Scene7 host name stems (docs/protocol.md §UploadFile endpoints
// and §SOAP endpoints): the UploadFile host is "<stem>ssl", the SOAP API host "<stem>apissl",
// each with "-staging" for the pre-production endpoint.
var regionHosts = map[Region]struct{ stem, label string }{
	RegionNA:   {"s7sps1", "North America"},
	RegionEMEA: {"s7sps3", "Europe, Middle East, Asia"},
	RegionAPAC: {"s7sps5", "Japan / Asia-Pacific"},
}

// Label is the region's name for people.
func (r Region) Label() string {
	if h, ok := regionHosts[r]; ok {
		return h.label
	}
	return string(r)
}

// ChoiceError is a region or service name that is not one Hoist knows; package words says
// which ones are.
type ChoiceError struct {
	Of    ChoiceOf
	Value string
}

// ChoiceOf is what a ChoiceError was choosing.
type ChoiceOf int

const (
	ChoiceRegion  ChoiceOf = iota // na, emea, apac
	ChoiceService                 // scene7, drsum
)

func (e *ChoiceError) Error() string {
	if e.Of == ChoiceService {
		return fmt.Sprintf("unknown service %q", e.Value)
	}
	return fmt.Sprintf("unknown region %q", e.Value)
}

// ParseRegion accepts the region codes of the command line.
func ParseRegion(s string) (Region, error) {
	r := Region(strings.ToLower(strings.TrimSpace(s)))
	if _, ok := regionHosts[r]; !ok {
		return "", &ChoiceError{Of: ChoiceRegion, Value: s}
	}
	return r, nil
}

// Endpoint says where the requests of one connection go.
type Endpoint struct {
	Service Service `json:"service,omitempty"`
	// UploadURL is the Scene7 UploadFile URL or the Dr.Sum file upload URL.
	UploadURL string `json:"uploadURL,omitempty"`
	// APIURL is the Scene7 IPS SOAP endpoint; empty for Dr.Sum.
	APIURL string `json:"apiURL,omitempty"`
	// AllowInsecureHTTP lets a Dr.Sum connection use plain http to a host that is not
	// loopback, because intranet Dr.Sum servers often have no TLS. The user must ask for it.
	AllowInsecureHTTP bool `json:"allowInsecureHTTP,omitempty"`
}

// Scene7Endpoint returns the production or staging endpoint of a region.
func Scene7Endpoint(r Region, staging bool) (Endpoint, error) {
	h, ok := regionHosts[r]
	if !ok {
		return Endpoint{}, &ChoiceError{Of: ChoiceRegion, Value: string(r)}
	}
	suffix := ""
	if staging {
		suffix = "-staging"
	}
	return Endpoint{
		Service:   Scene7,
		UploadURL: "https://" + h.stem + "ssl" + suffix + ".scene7.com/scene7/UploadFile",
		APIURL:    "https://" + h.stem + "apissl" + suffix + ".scene7.com/scene7/services/IpsApiService",
	}, nil
}

// Scene7UploadPath and Scene7APIPath are the servlet and SOAP paths on every IPS host.
const (
	Scene7UploadPath = "/scene7/UploadFile"
	Scene7APIPath    = "/scene7/services/IpsApiService"
	DrSumUploadPath  = "/api/v1.0/file/upload"
)

// CustomEndpoint builds an endpoint from explicit URLs. For Scene7 an empty apiURL becomes
// the same scheme, host and port as uploadURL with the IPS SOAP path. Both URLs are checked
// with CheckURL.
func CustomEndpoint(service Service, uploadURL, apiURL string, allowInsecureHTTP bool) (Endpoint, error) {
	ep := Endpoint{Service: service, UploadURL: strings.TrimSpace(uploadURL), APIURL: strings.TrimSpace(apiURL), AllowInsecureHTTP: allowInsecureHTTP}
	switch service {
	case Scene7:
		if ep.APIURL == "" {
			u, err := url.Parse(ep.UploadURL)
			if err != nil {
				return Endpoint{}, fmt.Errorf("upload URL %q: %w", uploadURL, err)
			}
			ep.APIURL = (&url.URL{Scheme: u.Scheme, Host: u.Host, Path: Scene7APIPath}).String()
		}
	case DrSum:
		ep.APIURL = ""
	default:
		return Endpoint{}, &ChoiceError{Of: ChoiceService, Value: string(service)}
	}
	if err := CheckURL(ep.UploadURL, allowInsecureHTTP && service == DrSum); err != nil {
		return Endpoint{}, err
	}
	if ep.APIURL != "" {
		if err := CheckURL(ep.APIURL, false); err != nil {
			return Endpoint{}, err
		}
	}
	return ep, nil
}

// ErrInsecureURL is wrapped by CheckURL when a URL would send a password over plain http.
var ErrInsecureURL = errors.New("plain http is only allowed to this computer (127.0.0.1, ::1, localhost)")

// URLProblem is what is wrong with a server address.
type URLProblem int

const (
	URLNotURL   URLProblem = iota + 1 // not an absolute URL with a host
	URLNotHTTPS                       // another scheme than https (or http to this computer)
)

// URLError is a server address Hoist cannot use; package words says how to write it.
// A password over plain http is ErrInsecureURL instead.
type URLError struct {
	URL     string
	Problem URLProblem
}

func (e *URLError) Error() string {
	if e.Problem == URLNotHTTPS {
		return fmt.Sprintf("%q: the URL must start with https://", e.URL)
	}
	return fmt.Sprintf("%q is not a URL (https://host/scene7/UploadFile)", e.URL)
}

// CheckURL accepts https URLs, and http URLs whose host is loopback, so that a password
// never crosses a network in clear text. allowInsecureHTTP lifts the loopback rule (Dr.Sum
// intranet servers) when the user asked for it explicitly.
func CheckURL(raw string, allowInsecureHTTP bool) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return &URLError{URL: raw, Problem: URLNotURL}
	}
	switch u.Scheme {
	case "https":
		return nil
	case "http":
		if allowInsecureHTTP || IsLoopbackHost(u.Hostname()) {
			return nil
		}
		return fmt.Errorf("%s: %w; use https:// (passwords must not travel in clear text)", raw, ErrInsecureURL)
	default:
		return &URLError{URL: raw, Problem: URLNotHTTPS}
	}
}

// IsLoopbackHost reports whether host names this computer.
func IsLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
