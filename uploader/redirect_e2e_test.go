package uploader_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hoist/internal/words"
	"hoist/sandbox"
	"hoist/uploader"
)

// Answers that are no failure of the service but of the way to it get a sentence that
// says where Hoist was sent or that the server is busy, in every language: a captive
// portal's redirect to its sign-in page, an http URL of a server that wants https, a
// server that stays busy (503) or throttles (429). They read "an answer Hoist does not
// understand" and "the service may be down" before. The portal's query (a token) is not
// shown.
func TestE2ERedirectAndBusyAreSaid(t *testing.T) {
	defer words.Use(words.Current())
	dir := t.TempDir()
	file := filepath.Join(dir, "hero.jpg")
	if err := os.WriteFile(file, []byte("\xFF\xD8\xFFhero"), 0o644); err != nil {
		t.Fatal(err)
	}
	items, _ := uploader.Walk([]string{file})
	for _, c := range []struct {
		name    string
		service uploader.Service
		answer  func(w http.ResponseWriter, r *http.Request)
		says    map[string][]string // by language, what the sentence must hold
	}{
		{"portal", uploader.Scene7, func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "http://login.portal.example:8080/auth?token=s3cret", http.StatusFound)
		}, map[string][]string{"en": {"http://login.portal.example:8080", "sign in"}, "fr": {"http://login.portal.example:8080", "connectez-vous"}, "ja": {"http://login.portal.example:8080", "サインイン"}}},
		{"https", uploader.Scene7, func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "https://"+r.Host+r.URL.Path, http.StatusMovedPermanently)
		}, map[string][]string{"en": {"https://127.0.0.1", "https://"}, "fr": {"https://127.0.0.1"}, "ja": {"https://127.0.0.1"}}},
		{"drsum portal", uploader.DrSum, func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "http://login.portal.example/?next=x", http.StatusSeeOther)
		}, map[string][]string{"en": {"http://login.portal.example", "sign in"}, "fr": {"http://login.portal.example"}, "ja": {"http://login.portal.example"}}},
		{"busy", uploader.Scene7, func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusServiceUnavailable)
		}, map[string][]string{"en": {"busy", "503", "in a few minutes"}, "fr": {"surchargé", "503"}, "ja": {"混み合って", "503"}}},
		{"throttled", uploader.Scene7, func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusTooManyRequests)
		}, map[string][]string{"en": {"busy", "429"}, "fr": {"429"}, "ja": {"429"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := startBox(t, 0)
			b.onPost(func(_ int, w http.ResponseWriter, r *http.Request) bool { c.answer(w, r); return true })
			req := b.scene7Request(t, items)
			if c.service == uploader.DrSum {
				ep, err := uploader.CustomEndpoint(uploader.DrSum, b.url+uploader.DrSumUploadPath, "", false)
				if err != nil {
					t.Fatal(err)
				}
				req = uploader.Request{Conn: uploader.Conn{Endpoint: ep, Credentials: uploader.Credentials{User: sandbox.DrSumUser, Password: sandbox.DrSumPassword}},
					DestFolder: sandbox.DrSumRoot + "/r", Items: items}
			}
			_, err := testClient().Upload(context.Background(), req, nil)
			if err == nil {
				t.Fatal("uploaded")
			}
			for lang, parts := range c.says {
				words.Use(lang)
				s := words.Error(err)
				for _, p := range parts {
					if !strings.Contains(s, p) {
						t.Errorf("%s: %q does not say %q", lang, s, p)
					}
				}
				if strings.Contains(s, "s3cret") || strings.Contains(s, "token") {
					t.Errorf("%s: %q shows the redirect's query", lang, s)
				}
			}
		})
	}
}
