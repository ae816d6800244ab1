//go:build windows

package sheet

import (
	"unsafe"

	"golang.org/x/sys/windows"
)

// getLocaleInfoEx is kernel32's GetLocaleInfoEx (Windows Vista on).
var getLocaleInfoEx = windows.NewLazySystemDLL("kernel32.dll").NewProc("GetLocaleInfoEx")

// localeSList is LOCALE_SLIST: the list separator of a locale's number format.
const localeSList = 0x0C

// regionSeparator is the list separator of the user's regional settings (Settings ›
// Region › Regional format, or Control Panel › Region › Additional settings), where
// Excel takes the separator it splits a CSV opened by double-click at; "" when Windows
// does not say.
func regionSeparator() string {
	if getLocaleInfoEx.Find() != nil {
		return ""
	}
	var buf [8]uint16 // LOCALE_SLIST is at most 4 characters and the final NUL
	// A nil locale name is LOCALE_NAME_USER_DEFAULT: the user's own settings.
	n, _, _ := getLocaleInfoEx.Call(0, localeSList, uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)))
	if n == 0 || int(n) > len(buf) {
		return ""
	}
	return windows.UTF16ToString(buf[:n])
}
