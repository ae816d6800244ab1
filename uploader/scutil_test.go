package uploader

import (
	"errors"
	"net/url"
	"testing"
)

var errFake = errors.New("fake failure")

// As scutil --proxy prints it on a Mac with manual proxies, a PAC file and exceptions.
const scutilOffice = `<dictionary> {
  ExceptionsList : <array> {
    0 : *.local
    1 : 169.254/16
    2 : *.corp.example
  }
  ExcludeSimpleHostnames : 1
  FTPPassive : 1
  HTTPEnable : 1
  HTTPPort : 3128
  HTTPProxy : web.corp.example
  HTTPSEnable : 1
  HTTPSPort : 8443
  HTTPSProxy : secure.corp.example
  ProxyAutoConfigEnable : 0
  ProxyAutoConfigURLString : http://pac.corp.example/proxy.pac
  SOCKSEnable : 0
  __SCOPED__ : <dictionary> {
    en0 : <dictionary> {
      HTTPEnable : 0
      HTTPSProxy : scoped.example
    }
  }
}
`

func TestParseScutilProxy(t *testing.T) {
	s := parseScutilProxy(scutilOffice)
	if got := s.manual("https"); got == nil || got.String() != "http://secure.corp.example:8443" {
		t.Errorf("https proxy %v", got)
	}
	if got := s.manual("http"); got == nil || got.String() != "http://web.corp.example:3128" {
		t.Errorf("http proxy %v", got)
	}
	if s.pacURL() != "" {
		t.Errorf("PAC disabled but read: %q", s.pacURL())
	}
	if len(s.exceptions) != 3 || s.exceptions[2] != "*.corp.example" {
		t.Errorf("exceptions %q", s.exceptions)
	}
	b := s.bypass()
	for host, want := range map[string]bool{"printer.local": true, "fileserver": true, "a.corp.example": true, "169.254.3.4": true, "s7g10.scene7.com": false} {
		if b.matches(host) != want {
			t.Errorf("bypass %s: want %v", host, want)
		}
	}
	none := parseScutilProxy("<dictionary> {\n  FTPPassive : 1\n  HTTPEnable : 0\n}\n")
	if none.manual("https") != nil || none.pacURL() != "" {
		t.Errorf("no proxy: %+v", none)
	}
	socks := parseScutilProxy("<dictionary> {\n  SOCKSEnable : 1\n  SOCKSProxy : s.corp\n  SOCKSPort : 1080\n}\n")
	if u := socks.manual("https"); u == nil || u.String() != "socks5://s.corp:1080" {
		t.Errorf("socks %v", u)
	}
}

func TestMacAnswer(t *testing.T) {
	target, _ := url.Parse("https://s7g10.scene7.com/scene7/UploadFile")
	inside, _ := url.Parse("https://drsum.corp.example/api/v1.0/file/upload")
	manual := parseScutilProxy(scutilOffice)
	noPAC := func(string, *url.URL) (string, error) { t.Fatal("PAC run while disabled"); return "", nil }
	if a := macAnswer(manual, target, noPAC); !a.ok || a.auto || urls(a.proxies) != "http://secure.corp.example:8443" {
		t.Errorf("manual: %+v", a)
	}
	if a := macAnswer(manual, inside, noPAC); !a.ok || urls(a.proxies) != "DIRECT" {
		t.Errorf("exception: %+v", a)
	}

	withPAC := parseScutilProxy(scutilOffice)
	withPAC.values["ProxyAutoConfigEnable"] = "1"
	a := macAnswer(withPAC, target, func(addr string, u *url.URL) (string, error) {
		if addr != "http://pac.corp.example/proxy.pac" || u.Host != "s7g10.scene7.com" {
			t.Errorf("ran %s for %s", addr, u)
		}
		return "PROXY pac.corp.example:8080; DIRECT", nil
	})
	if !a.ok || !a.auto || a.script != "http://pac.corp.example/proxy.pac" || urls(a.proxies) != "http://pac.corp.example:8080 DIRECT" {
		t.Errorf("PAC: %+v", a)
	}
	a = macAnswer(withPAC, target, func(string, *url.URL) (string, error) { return "", errFake })
	if !a.ok || a.auto || urls(a.proxies) != "http://secure.corp.example:8443" {
		t.Errorf("PAC failing falls back to the manual proxy: %+v", a)
	}
}
