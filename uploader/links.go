package uploader

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// Links to published assets. Image Serving serves an asset at the company's published
// base followed by the asset ID, e.g. https://s7d9.scene7.com/is/image/Acme/hero; the
// API does not give an upload client that base, so people copy it from their company's
// Publish Setup (docs/protocol.md §Asset names).

// PublishBaseProblem is what is wrong with a published base.
type PublishBaseProblem int

const (
	BaseNotURL   PublishBaseProblem = iota + 1 // not an absolute web address
	BaseNotHTTPS                               // http:// to another computer
	BaseHasQuery                               // a ? or # part, which an asset ID cannot follow
	BaseHasUser                                // a user name or password in it
)

var publishBaseProblems = [...]string{BaseNotURL: "not a web address", BaseNotHTTPS: "not https",
	BaseHasQuery: "has a query or fragment", BaseHasUser: "holds credentials"}

// PublishBaseError says what is wrong with a published base; package words says where
// to find the right one.
type PublishBaseError struct {
	Base    string
	Problem PublishBaseProblem
}

func (e *PublishBaseError) Error() string {
	why := "bad"
	if e.Problem > 0 && int(e.Problem) < len(publishBaseProblems) {
		why = publishBaseProblems[e.Problem]
	}
	return fmt.Sprintf("published base %q: %s", e.Base, why)
}

// CheckPublishBase accepts an absolute https URL (http to this computer), without query
// or fragment, that an asset ID can follow; "" (no base) is accepted too.
func CheckPublishBase(base string) error {
	base = strings.TrimSpace(base)
	if base == "" {
		return nil
	}
	u, err := url.Parse(base)
	bad := func(p PublishBaseProblem) error { return &PublishBaseError{Base: base, Problem: p} }
	switch {
	case err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http"):
		return bad(BaseNotURL)
	case u.Scheme == "http" && !IsLoopbackHost(u.Hostname()):
		return bad(BaseNotHTTPS)
	case u.RawQuery != "" || u.Fragment != "" || strings.ContainsAny(base, "?#"):
		return bad(BaseHasQuery)
	case u.User != nil:
		return bad(BaseHasUser)
	}
	return nil
}

// ErrNoPublishBase is returned by PublishLink for a connection without a published base.
var ErrNoPublishBase error = noPublishBase{}

type noPublishBase struct{}

func (noPublishBase) Error() string { return "the connection has no published Image Serving base" }

// PublishLink is the Image Serving URL of an asset: base, a slash, and the asset ID
// percent-encoded (a space becomes %20).
func PublishLink(base, assetID string) (string, error) {
	base = strings.TrimSpace(base)
	if base == "" {
		return "", ErrNoPublishBase
	}
	if err := CheckPublishBase(base); err != nil {
		return "", err
	}
	if assetID == "" {
		return "", errors.New("an asset ID is needed for a link")
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	return base + url.PathEscape(assetID), nil
}
