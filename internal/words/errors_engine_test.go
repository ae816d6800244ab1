package words

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/url"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"hoist/uploader"
)

// engineErrors are one error of each kind the engine returns, with what its sentence
// must name (a file, a host, a status…) in every language.
func engineErrors() []struct {
	name   string
	err    error
	fields []string
} {
	dial := &url.Error{Op: "Post", URL: "https://dms.example.com/api", Err: &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}}
	return []struct {
		name   string
		err    error
		fields []string
	}{
		{"fault refused value", &uploader.Fault{Kind: uploader.IpsApiFault, Code: uploader.CodeIllegalParameterValue, Reason: "destFolder"}, []string{"destFolder"}},
		{"fault unknown", &uploader.Fault{Kind: uploader.IpsApiFault, Code: 12345, Reason: "odd"}, []string{"odd", "12345"}},
		{"fault not allowed", &uploader.Fault{Kind: uploader.AuthorizationFault, Code: uploader.CodeNoPermission}, nil},
		{"request refused", &uploader.RequestRefusedError{Fault: &uploader.Fault{Kind: uploader.IpsApiFault, Code: uploader.CodeInvalidRequestXML, Reason: "Unexpected subelement x"}}, []string{"Unexpected subelement x"}},
		{"settings", &uploader.SettingsError{Problems: []uploader.SettingsProblem{uploader.NeedCompany, uploader.BadFolder, uploader.NeedCredentials},
			Causes: []error{&uploader.NameError{Kind: uploader.FolderDots, Rel: "a/../b", Folder: true}}}, []string{"c|2101", "a/../b"}},
		{"reply early", &uploader.ReplyError{Kind: uploader.ReplyEarly, Status: 200, Host: "dms.example.com:443"}, []string{"dms.example.com:443"}},
		{"reply html", &uploader.ReplyError{Kind: uploader.ReplyHTML, Status: 200, Host: "proxy.example.com"}, []string{"proxy.example.com", "HTML"}},
		{"reply body", &uploader.ReplyError{Kind: uploader.ReplyUnexpectedBody, Status: 201, Host: "x.example.com"}, []string{"x.example.com", "201"}},
		{"reply 407", &uploader.ReplyError{Status: 407}, []string{"407", "HTTPS_PROXY"}},
		{"reply 404", &uploader.ReplyError{Status: 404}, []string{"404"}},
		{"reply 403", &uploader.ReplyError{Status: 403}, []string{"403"}},
		{"reply 200 without reply", &uploader.ReplyError{Status: 200}, []string{"200"}},
		{"reply 503", &uploader.ReplyError{Status: 503}, []string{"503"}},
		{"reply 418", &uploader.ReplyError{Status: 418}, []string{"418"}},
		{"reply redirect", &uploader.ReplyError{Status: 302, Host: "dms.example.com", Location: "http://portal.example/login?t=1"}, []string{"dms.example.com", "http://portal.example"}},
		{"reply to https", &uploader.ReplyError{Status: 301, Host: "dms.example.com", Location: "https://dms.example.com/up"}, []string{"dms.example.com", "https://dms.example.com/up"}},
		{"reply api busy", &uploader.ReplyError{Status: 503, Host: "s7.example.com", API: true}, []string{"s7.example.com", "503"}},
		{"reply api html", &uploader.ReplyError{Kind: uploader.ReplyHTML, Status: 200, Host: "s7.example.com", API: true}, []string{"s7.example.com", "HTML"}},
		{"proxy login", &uploader.ConnError{Err: &uploader.ProxyAuthError{Proxy: "http://proxy.corp:3128"}}, []string{"http://proxy.corp:3128", "407"}},
		{"ca file empty", &uploader.CAFileError{Path: "/etc/corp-ca.pem", Err: uploader.ErrNoCertificate}, []string{"/etc/corp-ca.pem", "BEGIN CERTIFICATE"}},
		{"ca file missing", &uploader.CAFileError{Path: "/etc/none.pem", Err: &fs.PathError{Op: "open", Path: "/etc/none.pem", Err: fs.ErrNotExist}}, []string{"/etc/none.pem"}},
		{"ca file bad", &uploader.CAFileError{Path: "/etc/bad.pem", Err: errors.New("x509: malformed certificate")}, []string{"/etc/bad.pem", "x509: malformed certificate"}},
		{"stalled", &uploader.ConnError{Err: errors.New("silent"), Stalled: 30 * time.Second}, []string{"30"}},
		{"offline scene7", &uploader.ConnError{Err: &net.DNSError{Err: "no such host", Name: "s7sps3ssl.scene7.com", IsNotFound: true}}, []string{"Scene7"}},
		{"offline host", &uploader.ConnError{Err: &net.DNSError{Err: "network is unreachable", Name: "dms.example.com", IsTemporary: true}}, []string{"dms.example.com"}},
		{"closed", &uploader.ConnError{Err: io.ErrUnexpectedEOF}, nil},
		{"conn other", &uploader.ConnError{Err: &url.Error{Op: "Post", URL: "https://dms.example.com/api", Err: errors.New("tls: handshake failure")}}, []string{"dms.example.com"}},
		{"conn refused", &uploader.ConnError{Err: dial}, []string{"dms.example.com"}},
		{"proxy refused", &uploader.ConnError{Err: &uploader.ProxyTunnelError{Proxy: "http://proxy.corp:3128", Target: "dms.example.com:443", Status: 403}}, []string{"http://proxy.corp:3128", "dms.example.com", "403"}},
		{"proxy bad gateway", &uploader.ProxyTunnelError{Proxy: "http://proxy.corp:3128", Target: "dms.example.com:443", Status: 502}, []string{"http://proxy.corp:3128", "dms.example.com", "502"}},
		{"proxy closed", &uploader.ConnError{Err: &uploader.ProxyChainError{Target: "dms.example.com:443", Source: uploader.ProxyEnvironment,
			Tries: []uploader.ProxyTry{{Proxy: "http://proxy.corp:3128", Err: io.EOF}}}}, []string{"http://proxy.corp:3128", "dms.example.com", "HTTPS_PROXY"}},
		{"proxy dead", &uploader.ConnError{Err: &uploader.ProxyChainError{Target: "dms.example.com:443", Source: uploader.ProxyExplicit,
			Tries: []uploader.ProxyTry{{Proxy: "http://127.0.0.1:1", Err: &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}}}}}, []string{"http://127.0.0.1:1", "--proxy"}},
		{"dial", dial, []string{"dms.example.com"}},
		{"timeout", &url.Error{Op: "Post", URL: "https://dms.example.com/api", Err: context.DeadlineExceeded}, []string{"dms.example.com"}},
		{"dropped", &url.Error{Op: "Post", URL: "https://dms.example.com/api", Err: io.EOF}, []string{"dms.example.com"}},
		{"cancelled", fmt.Errorf("%w: %w", uploader.ErrCancelled, context.Canceled), nil},
		{"drsum exists", &uploader.DrSumError{Status: 409, Codes: []string{uploader.DrSumFileAlreadyExists}}, nil},
		{"drsum two codes", &uploader.DrSumError{Status: 400, Codes: []string{uploader.DrSumNoRequiredParameter, uploader.DrSumNotUnderRootPath}}, []string{"filer.rootPath"}},
		{"drsum 401", &uploader.DrSumError{Status: 401}, nil},
		{"drsum 302", &uploader.DrSumError{Status: 302}, []string{"302"}},
		{"drsum 502", &uploader.DrSumError{Status: 502}, []string{"502"}},
		{"drsum 422", &uploader.DrSumError{Status: 422}, []string{"422"}},
		{"file changed", &uploader.FileError{Rel: "spring/hero.jpg", Err: uploader.ErrFileChanged}, []string{"spring/hero.jpg"}},
		{"file changed while sent", &uploader.FileError{Rel: "spring/hero.jpg", Err: uploader.ErrFileChangedWhileSent}, []string{"spring/hero.jpg"}},
		{"file gone", &uploader.FileError{Rel: "spring/hero.jpg", Err: uploader.ErrFileGone}, []string{"spring/hero.jpg"}},
		{"file permission", &uploader.FileError{Rel: "spring/hero.jpg", Err: &fs.PathError{Op: "open", Path: "/x", Err: fs.ErrPermission}}, []string{"spring/hero.jpg"}},
		{"file unreadable", &uploader.FileError{Rel: "spring/hero.jpg", Err: &fs.PathError{Op: "read", Path: "/x", Err: syscall.EIO}}, []string{"spring/hero.jpg", syscall.EIO.Error()}},
		{"name control", &uploader.NameError{Kind: uploader.NameControl, Rel: "a\tb.jpg", Char: '\t'}, []string{`a\tb.jpg`, "U+0009"}},
		{"folder control", &uploader.NameError{Kind: uploader.NameControl, Rel: "spring\n", Char: '\n', Folder: true}, []string{"U+000A"}},
		{"same nfc", &uploader.NameError{Kind: uploader.NameSameAfterNFC, Rel: "café.jpg", Other: "/drop/cafe\u0301.jpg"}, []string{"café.jpg", "é"}},
		{"folder dots", &uploader.NameError{Kind: uploader.FolderDots, Rel: "../up", Folder: true}, []string{"../up", ".."}},
		{"publish base", &uploader.PublishBaseError{Base: "http://s7d9.scene7.com/is/image/Acme/", Problem: uploader.BaseNotHTTPS}, []string{"http://s7d9.scene7.com/is/image/Acme/", "Publish Setup"}},
		{"no publish base", fmt.Errorf("links: %w", uploader.ErrNoPublishBase), []string{"Publish Setup", "--publish-base"}},
		{"follow timeout", &uploader.FollowTimeout{JobHandle: "job-7", Limit: 30 * time.Minute}, []string{"job-7", "30"}},
		{"not a url", uploader.CheckURL("s7.example.com", false), []string{"s7.example.com", "/scene7/UploadFile"}},
		{"not https", uploader.CheckURL("ftp://uploads.example.com/x", false), []string{"ftp://uploads.example.com/x", "https://"}},
		{"insecure", uploader.CheckURL("http://s7.example.com/scene7/UploadFile", false), []string{"https://"}},
		{"region", func() error { _, err := uploader.ParseRegion("eu"); return err }(), []string{"eu", "emea"}},
		{"service", &uploader.ChoiceError{Of: uploader.ChoiceService, Value: "ftp"}, []string{"ftp", "drsum"}},
		{"rate", func() error { _, err := uploader.ParseRate("fast"); return err }(), []string{"fast", "20M"}},
		{"pac file", &uploader.ConnError{Err: &uploader.PACError{Script: "http://wpad.corp/proxy.pac", Err: errors.New("HTTP 404")}}, []string{"http://wpad.corp/proxy.pac", "HTTP 404"}},
		{"rate too low", func() error { _, err := uploader.ParseRate("100"); return err }(), []string{"100", "1k"}},
	}
}

// Every engine error has a sentence of its own in every language, naming what it is
// about, with no placeholder left and not the English one in French or Japanese.
func TestEveryEngineErrorIsWorded(t *testing.T) {
	defer Use(Current())
	for _, c := range engineErrors() {
		Use("en")
		english := Error(c.err)
		if !Knows(c.err) {
			t.Errorf("%s: no sentence for %v", c.name, c.err)
		}
		for _, lang := range []string{"en", "fr", "ja"} {
			Use(lang)
			s := Error(c.err)
			if strings.Contains(s, "{{") || strings.Contains(s, "<no value>") || strings.Contains(s, "err.") || strings.Contains(s, "engine.") {
				t.Errorf("%s %s: unfilled sentence %q", c.name, lang, s)
			}
			if lang != "en" && s == english {
				t.Errorf("%s %s: not translated: %q", c.name, lang, s)
			}
			for _, f := range c.fields {
				if !strings.Contains(s, f) {
					t.Errorf("%s %s: %q does not name %q", c.name, lang, s, f)
				}
			}
		}
	}
}

// Some sentences word for word: the English wording kept from the engine, and the French
// and Japanese as people read them.
func TestEngineErrorWording(t *testing.T) {
	defer Use(Current())
	settings := &uploader.SettingsError{Problems: []uploader.SettingsProblem{uploader.NeedCompany, uploader.NeedFiles}}
	gone := &uploader.FileError{Rel: "spring/hero.jpg", Err: uploader.ErrFileGone}
	scene7 := &url.Error{Op: "Post", URL: "https://s7sps1apissl.scene7.com/scene7/services/IpsApiService",
		Err: &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: "s7sps1apissl.scene7.com", IsNotFound: true}}}
	for _, c := range []struct {
		lang string
		err  error
		want string
	}{
		{"en", settings, "Before uploading, choose the company handle (it looks like c|2101); add at least one file."},
		{"fr", settings, "Avant l’envoi, choisissez l’identifiant de société (company handle, il ressemble à c|2101)\u00a0; ajoutez au moins un fichier."},
		{"ja", settings, "アップロードの前に、次の点を確認してください：会社ハンドル（c|2101 のような形式）を選んでください。ファイルを 1つ以上追加してください。"},
		{"en", gone, "spring/hero.jpg is no longer there (moved, renamed or deleted since it was added)."},
		{"fr", gone, "spring/hero.jpg n’est plus là (déplacé, renommé ou supprimé depuis son ajout)."},
		{"ja", gone, "spring/hero.jpg が見つかりません（追加した後に移動、名前の変更、または削除されました）。"},
		{"en", scene7, "This computer is offline or cannot reach Scene7 – check your network or proxy."},
		{"ja", &uploader.DrSumError{Status: 400, Codes: []string{uploader.DrSumFileLimitExceeded, uploader.DrSumIOError}},
			"Dr.Sum サーバーが 1回のリクエストで複数のファイルを受け取り、拒否しました。お手数ですが Hoist チームにご報告ください。Dr.Sum サーバーがフォルダーを作成できないか、ファイルを書き込めませんでした。サーバーの空き容量とフォルダーの権限を確認するよう、管理者に依頼してください。"},
	} {
		Use(c.lang)
		if got := Error(c.err); got != c.want {
			t.Errorf("%s: Error(%v)\n got %q\nwant %q", c.lang, c.err, got, c.want)
		}
	}
	// A name the name server does not know, on a computer with a network, does not exist.
	Use("en")
	missing := &uploader.ConnError{Err: &net.DNSError{Err: "no such host", Name: "drsum.nowhere.example", IsNotFound: true}}
	if !uploader.Offline(missing) {
		if got, want := Error(missing), "The server drsum.nowhere.example does not exist. Check the connection's URL."; got != want {
			t.Errorf("Error = %q, want %q", got, want)
		}
	}
}

// Test connection's verdicts, in every language, name the user, company, status and proxy.
func TestVerdictSentences(t *testing.T) {
	defer Use(Current())
	cases := []struct {
		v      uploader.Verdict
		fields []string
	}{
		{uploader.Verdict{OK: true, Kind: uploader.VerdictAccepted, User: "ann@acme.com", Company: "c|2101", Proxy: "http://proxy.corp:3128"}, []string{"ann@acme.com", "c|2101", "http://proxy.corp:3128"}},
		{uploader.Verdict{OK: true, Kind: uploader.VerdictAccepted, User: "ann@acme.com"}, []string{"ann@acme.com"}},
		{uploader.Verdict{Kind: uploader.VerdictRejected}, nil},
		{uploader.Verdict{OK: true, Kind: uploader.VerdictDrSumAccepted, User: "apiuser01"}, []string{"apiuser01"}},
		{uploader.Verdict{Kind: uploader.VerdictDrSumRejected, Status: 401}, []string{"Dr.Sum"}},
		{uploader.Verdict{Kind: uploader.VerdictDrSumNoCode, Status: 400}, []string{"/api/v1.0/file/upload"}},
		{uploader.Verdict{Kind: uploader.VerdictDrSumNotFound, Status: 404}, []string{"404"}},
		{uploader.Verdict{Kind: uploader.VerdictDrSumServerError, Status: 503}, []string{"503"}},
		{uploader.Verdict{Kind: uploader.VerdictDrSumUnexpected, Status: 418}, []string{"418"}},
		{uploader.Verdict{Err: &uploader.Fault{Kind: uploader.AuthenticationFault, Code: uploader.CodeInvalidCredentials}}, nil},
	}
	for _, c := range cases {
		Use("en")
		english := Verdict(c.v)
		for _, lang := range []string{"en", "fr", "ja"} {
			Use(lang)
			s := Verdict(c.v)
			if s == "" || strings.Contains(s, "{{") || strings.Contains(s, "engine.") || lang != "en" && s == english {
				t.Errorf("%s %+v: %q", lang, c.v, s)
			}
			for _, f := range c.fields {
				if !strings.Contains(s, f) {
					t.Errorf("%s: %q does not name %q", lang, s, f)
				}
			}
		}
	}
	Use("en")
	if got, want := Verdict(cases[0].v), "Connected. The user ann@acme.com may upload to company c|2101. (Through the proxy http://proxy.corp:3128.)"; got != want {
		t.Errorf("Verdict = %q, want %q", got, want)
	}
}

// A file cut or grown under the reader is said as changed while it was being sent, not
// while it was waiting, in every language.
func TestFileChangedWhileSentIsSaidApart(t *testing.T) {
	defer Use(Use("en"))
	for _, lang := range []string{"en", "fr", "ja"} {
		Use(lang)
		before := Error(&uploader.FileError{Rel: "a.jpg", Err: uploader.ErrFileChanged})
		during := Error(&uploader.FileError{Rel: "a.jpg", Err: uploader.ErrFileChangedWhileSent})
		if before == during {
			t.Errorf("%s: both say %q", lang, before)
		}
	}
}
