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

// WherePublishBase tells people where to find their published Image Serving base.
const WherePublishBase = "Find it in Dynamic Media Classic under Setup → Application Setup → Publish Setup → Image Server: " +
	"the Published Server Name, then /is/image/ and your company's name, e.g. https://s7d9.scene7.com/is/image/Acme/"

// PublishBaseError says what is wrong with a published base.
type PublishBaseError struct {
	Base string
	Why  string
}

func (e *PublishBaseError) Error() string {
	return fmt.Sprintf("published base %q: %s", e.Base, e.Why)
}

// Sentence says what to fix and where to find the right value.
func (e *PublishBaseError) Sentence() string {
	return fmt.Sprintf("The published base %q %s. %s.", e.Base, e.Why, WherePublishBase)
}

// CheckPublishBase accepts an absolute https URL (http to this computer), without query
// or fragment, that an asset ID can follow; "" (no base) is accepted too.
func CheckPublishBase(base string) error {
	base = strings.TrimSpace(base)
	if base == "" {
		return nil
	}
	u, err := url.Parse(base)
	bad := func(why string) error { return &PublishBaseError{Base: base, Why: why} }
	switch {
	case err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http"):
		return bad("is not a web address (it starts with https://)")
	case u.Scheme == "http" && !IsLoopbackHost(u.Hostname()):
		return bad("must start with https://")
	case u.RawQuery != "" || u.Fragment != "" || strings.ContainsAny(base, "?#"):
		return bad("must not have a ? or # part")
	case u.User != nil:
		return bad("must not hold a user name or password")
	}
	return nil
}

// ErrNoPublishBase is returned by PublishLink for a connection without a published base.
var ErrNoPublishBase error = noPublishBase{}

type noPublishBase struct{}

func (noPublishBase) Error() string { return "the connection has no published Image Serving base" }

// Sentence says where to find the base and where to enter it.
func (noPublishBase) Sentence() string {
	return "Hoist cannot make links to the assets: the connection has no published Image Serving base. " +
		WherePublishBase + "; enter it in the connection (or pass --publish-base)."
}

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
