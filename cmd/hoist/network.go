package main

import (
	"flag"
	"fmt"
	"time"

	"hoist/internal/words"
	"hoist/uploader"
)

// netFlags are upload's settings for the network at the office: how long a silent
// server is waited for, how much of the link the upload may take.
type netFlags struct {
	stallTimeout time.Duration
	bwlimit      string
	proxy        string
	caFile       string
}

func addNetFlags(fs *flag.FlagSet) *netFlags {
	n := &netFlags{}
	fs.DurationVar(&n.stallTimeout, "stall-timeout", uploader.DefaultResponseTimeout, "a request without progress for `DURATION` counts as stalled and is retried (3 stalls\nfail the upload), e.g. 2m for a server known to think long")
	fs.StringVar(&n.bwlimit, "bwlimit", "", "send at most `RATE` bytes per second, all parallel POSTs together, e.g. 20M or\n500k (k, M, G are 1024, 1024², 1024³ as in rclone; 0 or off: no limit)")
	fs.StringVar(&n.proxy, "proxy", "", "send every request through the proxy `URL`, e.g. http://proxy.example.com:8080\n(default: HTTPS_PROXY, HTTP_PROXY and NO_PROXY from the environment)")
	fs.StringVar(&n.caFile, "ca-file", "", "also trust the CA certificates of the PEM `FILE`, for a server with a private CA\n(an intranet Dr.Sum); the system's certificate store is always used")
	return n
}

// problems says what is wrong with the flags, as sentences.
func (n *netFlags) problems() []string {
	var out []string
	if n.stallTimeout < time.Second {
		out = append(out, fmt.Sprintf("--stall-timeout %s: give at least a second, e.g. 30s", n.stallTimeout))
	}
	if _, err := uploader.ParseRate(n.bwlimit); err != nil {
		out = append(out, "--bwlimit "+err.Error())
	}
	if _, err := uploader.ParseProxy(n.proxy); err != nil {
		out = append(out, "--proxy: "+words.Error(err))
	}
	if n.caFile != "" {
		// Checked on a throwaway client; apply adds it to the real one.
		if err := uploader.AddCAFile(uploader.NewClient().HTTP, n.caFile); err != nil {
			out = append(out, "--ca-file: "+words.Error(err))
		}
	}
	return out
}

// apply sets the flags on a client.
func (n *netFlags) apply(c *uploader.Client) {
	c.ResponseTimeout = n.stallTimeout
	if r, err := uploader.ParseRate(n.bwlimit); err == nil {
		c.Bandwidth.SetLimit(r)
	}
	_ = uploader.SetProxy(c.HTTP, n.proxy) // checked by problems before
	if n.caFile != "" {
		_ = uploader.AddCAFile(c.HTTP, n.caFile) // checked by problems before
	}
}
