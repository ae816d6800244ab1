package main

import (
	"bytes"
	"flag"
	"os"
	"slices"
	"strings"
	"testing"

	"hoist/internal/words"
	"hoist/uploader"
)

func TestSplitArgsLetsFlagsFollowPaths(t *testing.T) {
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.String("dest-folder", "", "")
	fs.Bool("json", false, "")
	cases := []struct {
		args                       []string
		flags, positional, unknown []string
	}{
		{[]string{"./dir", "--dest-folder", "x"}, []string{"--dest-folder", "x"}, []string{"./dir"}, nil},
		{[]string{"--json", "a", "-dest-folder=y", "b"}, []string{"--json", "-dest-folder=y"}, []string{"a", "b"}, nil},
		{[]string{"a", "--", "--json", "-"}, nil, []string{"a", "--json", "-"}, nil},
		{[]string{"--dest-folder", "--json", "a"}, []string{"--dest-folder", "--json"}, []string{"a"}, nil},
		{[]string{"--json=false", "-"}, []string{"--json=false"}, []string{"-"}, nil},
		{[]string{"--password", "s3cret", "a"}, []string{"--password"}, []string{"s3cret", "a"}, []string{"password"}},
	}
	for _, tc := range cases {
		flags, positional, unknown := splitArgs(fs, tc.args)
		if !slices.Equal(flags, tc.flags) || !slices.Equal(positional, tc.positional) || !slices.Equal(unknown, tc.unknown) {
			t.Errorf("splitArgs(%q) = %q, %q, %q; want %q, %q, %q", tc.args, flags, positional, unknown, tc.flags, tc.positional, tc.unknown)
		}
	}
}

func TestHelpAndVersion(t *testing.T) {
	for _, cmd := range commands {
		for _, args := range [][]string{{cmd.name, "--help"}, {cmd.name, "-h"}, {"help", cmd.name}} {
			out := hoist(t, invocation{}, args...)
			if out.code != exitOK {
				t.Errorf("%q: exit %d, want 0", args, out.code)
			}
			mustContain(t, strings.Join(args, " "), out.stdout, "Usage: hoist "+cmd.name, words.T(cmd.summary, nil), "Flags:")
			if len(cmd.examples) > 0 {
				mustContain(t, strings.Join(args, " "), out.stdout, "Examples:", cmd.examples[0])
			}
		}
	}
	out := hoist(t, invocation{}, "help", "upload")
	mustContain(t, "upload help", out.stdout, "--password-stdin", "--crop LEFT,RIGHT,TOP,BOTTOM", "--concurrency N", "(default 32)", "Exit status")
	if strings.Contains(out.stdout, "--password ") {
		t.Error("upload help mentions a --password flag")
	}

	out = hoist(t, invocation{}, "help")
	if out.code != exitOK {
		t.Errorf("help: exit %d", out.code)
	}
	for _, cmd := range commands {
		mustContain(t, "help", out.stdout, "  "+cmd.name+" ")
	}
	out = hoist(t, invocation{}, "version")
	if out.code != exitOK || !strings.Contains(out.stdout, uploader.Version) {
		t.Errorf("version: exit %d, %q", out.code, out.stdout)
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	for _, args := range [][]string{{}, {"fly"}, {"help", "fly"}, {"help", "a", "b"}, {"upload"}, {"jobs", "--region"}} {
		out := hoist(t, invocation{}, args...)
		if out.code != exitUsage {
			t.Errorf("%q: exit %d, want 2", args, out.code)
		}
		if out.stderr == "" {
			t.Errorf("%q: nothing on stderr", args)
		}
	}
}

// TestRunWiresStreams goes through run, the function main calls, with the signal handling.
func TestRunWiresStreams(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"version"}, strings.NewReader(""), &stdout, &stderr, os.Getenv); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	if !strings.HasPrefix(stdout.String(), "hoist "+uploader.Version) || stderr.Len() != 0 {
		t.Errorf("stdout %q, stderr %q", stdout.String(), stderr.String())
	}
}

func TestReadPassword(t *testing.T) {
	cases := []struct {
		stdin, want string
		ok          bool
	}{
		{"secret\n", "secret", true},
		{"secret\r\nsecond line\n", "secret", true},
		{"  spaced out  \n", "  spaced out  ", true},
		{"no newline", "no newline", true},
		{"\nsecret\n", "", false},
		{"", "", false},
		{strings.Repeat("x", maxPasswordLine+10), "", false},
	}
	for _, tc := range cases {
		c := &cli{stdin: strings.NewReader(tc.stdin), stderr: &bytes.Buffer{}}
		got, err := c.readPassword()
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("readPassword(%.20q) = %q, %v; want %q, ok %v", tc.stdin, got, err, tc.want, tc.ok)
		}
	}
}

func TestEndpointResolution(t *testing.T) {
	cases := []struct {
		args          []string
		upload, api   string
		service       uploader.Service
		wantErr       string
		wantStderrHas string
	}{
		{args: nil, upload: "https://s7sps1ssl.scene7.com/scene7/UploadFile", api: "https://s7sps1apissl.scene7.com/scene7/services/IpsApiService", service: uploader.Scene7},
		{args: []string{"--region", "APAC", "--staging"}, upload: "https://s7sps5ssl-staging.scene7.com/scene7/UploadFile", api: "https://s7sps5apissl-staging.scene7.com/scene7/services/IpsApiService", service: uploader.Scene7},
		{args: []string{"--region", "emea", "--endpoint", "https://proxy.example.com:8443/scene7/UploadFile"}, upload: "https://proxy.example.com:8443/scene7/UploadFile", api: "https://proxy.example.com:8443/scene7/services/IpsApiService", service: uploader.Scene7},
		{args: []string{"--endpoint", "http://127.0.0.1:9/scene7/UploadFile", "--api-endpoint", "http://[::1]:9/api"}, upload: "http://127.0.0.1:9/scene7/UploadFile", api: "http://[::1]:9/api", service: uploader.Scene7},
		{args: []string{"--api-endpoint", "https://api.example.com/soap"}, upload: "https://s7sps1ssl.scene7.com/scene7/UploadFile", api: "https://api.example.com/soap", service: uploader.Scene7},
		{args: []string{"--api-endpoint", "http://api.example.com/soap"}, wantErr: "https"},
		{args: []string{"--endpoint", "ftp://x/y"}, wantErr: "https://"},
		{args: []string{"--service", "DrSum", "--endpoint", "http://drsum.intranet/api/v1.0/file/upload", "--allow-insecure-http"}, upload: "http://drsum.intranet/api/v1.0/file/upload", service: uploader.DrSum, wantStderrHas: "clear text"},
	}
	for _, tc := range cases {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		cf := addConnFlags(fs)
		if err := fs.Parse(tc.args); err != nil {
			t.Fatal(err)
		}
		var stderr bytes.Buffer
		c := &cli{stderr: &stderr, getenv: func(string) string { return "" }}
		cn, err := c.resolve(cf)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%q: error %v, want one mentioning %q", tc.args, err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tc.args, err)
			continue
		}
		if cn.Endpoint.UploadURL != tc.upload || cn.Endpoint.APIURL != tc.api || cn.Endpoint.Service != tc.service {
			t.Errorf("%q: endpoint %+v, want %s %s %s", tc.args, cn.Endpoint, tc.service, tc.upload, tc.api)
		}
		if !strings.Contains(stderr.String(), tc.wantStderrHas) {
			t.Errorf("%q: stderr %q, want %q", tc.args, stderr.String(), tc.wantStderrHas)
		}
	}
}
