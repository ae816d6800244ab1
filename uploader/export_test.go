package uploader

import "net/http"

// InProcessClient is an HTTP client whose requests h serves in-process (handlerTransport),
// for the external tests that run the sandbox inside a synctest bubble.
func InProcessClient(h http.Handler) *http.Client {
	return &http.Client{Transport: handlerTransport{h}}
}
