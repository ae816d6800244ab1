package uploader

import (
	"bytes"
	"crypto/sha256"
	"crypto/x509"
	"sync"

	"golang.org/x/crypto/x509roots/fallback/bundle"
)

// Is the authority a chain ends in a public one? The system's store cannot tell: at the
// office it holds the company's own authority, installed by IT so that a proxy can
// decrypt and inspect HTTPS. Mozilla's list of public roots (the NSS store, which Firefox
// and most Linux systems ship; golang.org/x/crypto/x509roots/fallback/bundle, without
// making it Go's fallback store) is the reference: a root whose key is not on it, nor
// signed by a key on it, is private. A root that another store trusts but Mozilla does not
// would also read as private; the sentence says "usually" for that reason.

var publicRoots = sync.OnceValue(func() publicRootSet {
	s := publicRootSet{keys: map[[32]byte]bool{}}
	for r := range bundle.Roots() {
		c, err := x509.ParseCertificate(r.Certificate)
		if err != nil {
			continue
		}
		s.keys[sha256.Sum256(c.RawSubjectPublicKeyInfo)] = true
		if len(c.SubjectKeyId) > 0 {
			s.keyIDs = append(s.keyIDs, c.SubjectKeyId)
		}
	}
	return s
})

type publicRootSet struct {
	keys   map[[32]byte]bool // SHA-256 of each public root's key
	keyIDs [][]byte          // their subject key IDs
}

// public reports whether c is a public root, or an authority a public root signed (a
// system store may hold a cross-signed or intermediate certificate as a trust anchor).
func (s publicRootSet) public(c *x509.Certificate) bool {
	if s.keys[sha256.Sum256(c.RawSubjectPublicKeyInfo)] {
		return true
	}
	if len(c.AuthorityKeyId) == 0 || bytes.Equal(c.AuthorityKeyId, c.SubjectKeyId) {
		return false
	}
	for _, id := range s.keyIDs {
		if bytes.Equal(id, c.AuthorityKeyId) {
			return true
		}
	}
	return false
}

// chainRoot is the name (common name, else subject) of the authority the first verified chain ends in, and
// whether every verified chain ends in a private one. No verified chain (plain http, or
// verification skipped): "", false.
func chainRoot(chains [][]*x509.Certificate) (root string, private bool) {
	if len(chains) == 0 || len(chains[0]) == 0 {
		return "", false
	}
	top := chains[0][len(chains[0])-1]
	if root = top.Subject.CommonName; root == "" {
		root = top.Subject.String()
	}
	set := publicRoots()
	for _, ch := range chains {
		if len(ch) > 0 && set.public(ch[len(ch)-1]) {
			return root, false
		}
	}
	return root, true
}
