package uploader

import (
	"net/url"
	"unsafe"

	"golang.org/x/sys/windows"
)

// Windows keeps the proxy settings in the user's Internet options (what Edge and Chrome
// use, often set by group policy): a manual proxy with its bypass list, a PAC file's
// address, or automatic detection (WPAD). WinHTTP reads them and runs PAC files and
// WPAD itself, so Hoist asks it (pure Go through winhttp.dll, no cgo) and gets the same
// answer as the system's own programs.

var (
	winhttp                                   = windows.NewLazySystemDLL("winhttp.dll")
	procWinHttpGetIEProxyConfigForCurrentUser = winhttp.NewProc("WinHttpGetIEProxyConfigForCurrentUser")
	procWinHttpOpen                           = winhttp.NewProc("WinHttpOpen")
	procWinHttpCloseHandle                    = winhttp.NewProc("WinHttpCloseHandle")
	procWinHttpGetProxyForUrl                 = winhttp.NewProc("WinHttpGetProxyForUrl")
	procGlobalFree                            = windows.NewLazySystemDLL("kernel32.dll").NewProc("GlobalFree")
)

// The structures and constants of winhttp.h.
type winhttpIEProxyConfig struct {
	autoDetect    int32
	autoConfigURL *uint16
	proxy         *uint16
	proxyBypass   *uint16
}

type winhttpAutoProxyOptions struct {
	flags                 uint32
	autoDetectFlags       uint32
	autoConfigURL         *uint16
	reserved              uintptr
	reserved2             uint32
	autoLogonIfChallenged int32
}

type winhttpProxyInfo struct {
	accessType  uint32
	proxy       *uint16
	proxyBypass *uint16
}

const (
	winhttpAccessTypeNoProxy    = 1
	winhttpAccessTypeNamedProxy = 3
	winhttpAutoProxyAutoDetect  = 0x1
	winhttpAutoProxyConfigURL   = 0x2
	winhttpAutoDetectTypeDHCP   = 0x1
	winhttpAutoDetectTypeDNSA   = 0x2
	errorWinhttpLoginFailure    = 12015
)

// takeString copies a string WinHTTP allocated and frees it (GlobalFree, as documented).
func takeString(p *uint16) string {
	if p == nil {
		return ""
	}
	s := windows.UTF16PtrToString(p)
	_, _, _ = procGlobalFree.Call(uintptr(unsafe.Pointer(p)))
	return s
}

func lookupSystemProxy(target *url.URL) systemAnswer {
	var cfg winhttpIEProxyConfig
	if r, _, _ := procWinHttpGetIEProxyConfigForCurrentUser.Call(uintptr(unsafe.Pointer(&cfg))); r == 0 {
		return systemAnswer{}
	}
	ie := ieProxyConfig{
		autoDetect: cfg.autoDetect != 0,
		pacURL:     takeString(cfg.autoConfigURL),
		proxy:      takeString(cfg.proxy),
		bypass:     takeString(cfg.proxyBypass),
	}
	return ieAnswer(ie, target, winhttpProxyForURL)
}

// winhttpProxyForURL runs the PAC file at pacURL (or, when pacURL is "", automatic
// detection) for target, and returns WinHTTP's proxy list ("" for directly).
func winhttpProxyForURL(pacURL string, target *url.URL) (list string, direct bool, err error) {
	agent, _ := windows.UTF16PtrFromString("Hoist")
	session, _, e := procWinHttpOpen.Call(uintptr(unsafe.Pointer(agent)), winhttpAccessTypeNoProxy, 0, 0, 0)
	if session == 0 {
		return "", false, e
	}
	defer procWinHttpCloseHandle.Call(session) //nolint:errcheck // nothing to do about a failed close
	opts := winhttpAutoProxyOptions{}
	if pacURL != "" {
		opts.flags = winhttpAutoProxyConfigURL
		opts.autoConfigURL, _ = windows.UTF16PtrFromString(pacURL)
	} else {
		opts.flags = winhttpAutoProxyAutoDetect
		opts.autoDetectFlags = winhttpAutoDetectTypeDHCP | winhttpAutoDetectTypeDNSA
	}
	u, _ := windows.UTF16PtrFromString(target.String())
	var info winhttpProxyInfo
	r, _, e := procWinHttpGetProxyForUrl.Call(session, uintptr(unsafe.Pointer(u)), uintptr(unsafe.Pointer(&opts)), uintptr(unsafe.Pointer(&info)))
	if r == 0 && e == windows.Errno(errorWinhttpLoginFailure) {
		// The PAC file's server wants the Windows login: WinHTTP's documented second try.
		opts.autoLogonIfChallenged = 1
		r, _, e = procWinHttpGetProxyForUrl.Call(session, uintptr(unsafe.Pointer(u)), uintptr(unsafe.Pointer(&opts)), uintptr(unsafe.Pointer(&info)))
	}
	if r == 0 {
		return "", false, e
	}
	list = takeString(info.proxy)
	_ = takeString(info.proxyBypass)
	return list, info.accessType != winhttpAccessTypeNamedProxy, nil
}
