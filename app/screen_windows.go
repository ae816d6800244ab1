package app

import (
	"unsafe"

	"fyne.io/fyne/v2/driver"
	"golang.org/x/sys/windows"
)

var clientToScreen = windows.NewLazySystemDLL("user32.dll").NewProc("ClientToScreen")

// windowPos is what glfwGetWindowPos says on Windows: where the window's client area
// starts on the virtual screen (main thread).
func windowPos(ctx any) (x, y int, ok bool) {
	c, isWin := ctx.(driver.WindowsWindowContext)
	if !isWin || c.HWND == 0 {
		return 0, 0, false
	}
	var p struct{ X, Y int32 } // POINT
	if r, _, _ := clientToScreen.Call(c.HWND, uintptr(unsafe.Pointer(&p))); r == 0 {
		return 0, 0, false
	}
	return int(p.X), int(p.Y), true
}
