package uploader

import (
	"crypto/x509"
	"testing"

	"golang.org/x/crypto/x509roots/fallback/bundle"
)

func TestPublicRoots(t *testing.T) {
	set := publicRoots()
	if len(set.keys) < 100 {
		t.Fatalf("%d public roots: the bundle did not load", len(set.keys))
	}
	var some *x509.Certificate
	for r := range bundle.Roots() {
		some, _ = x509.ParseCertificate(r.Certificate)
		break
	}
	if !set.public(some) {
		t.Errorf("%s is a public root", some.Subject)
	}
	if _, private := chainRoot([][]*x509.Certificate{{some}}); private {
		t.Error("a chain ending in a public root read as private")
	}
	own := &x509.Certificate{RawSubjectPublicKeyInfo: []byte("company key"), SubjectKeyId: []byte{1, 2}, AuthorityKeyId: []byte{1, 2}}
	if set.public(own) {
		t.Error("a self-signed company root read as public")
	}
	if _, private := chainRoot([][]*x509.Certificate{{own}, {some}}); private {
		t.Error("one chain to a public root is enough")
	}
	if root, private := chainRoot(nil); root != "" || private {
		t.Error("no verified chain is neither")
	}
	var withID *x509.Certificate
	for _, id := range set.keyIDs {
		withID = &x509.Certificate{RawSubjectPublicKeyInfo: []byte("cross-signed"), AuthorityKeyId: id, SubjectKeyId: []byte{9}}
		break
	}
	if !set.public(withID) {
		t.Error("an authority signed by a public root read as private")
	}
}
