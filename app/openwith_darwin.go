package app

/*
#cgo CFLAGS: -x objective-c
#cgo LDFLAGS: -framework Cocoa
void hoistAcceptOpenWith(void);
*/
import "C"

import "unsafe"

// GLFW's application delegate (cocoa_init.m in go-gl/glfw) answers no "open" message, so
// macOS would tell people that Hoist cannot open the files. Before GLFW starts (Fyne
// starts it when the window is made), the delegate's class is given
// application:openURLs:, which hands the paths to hoistOpenedPaths (openwith_darwin.m).
func init() { C.hoistAcceptOpenWith() }

//export hoistOpenedPaths
func hoistOpenedPaths(paths **C.char, n C.int) {
	out := make([]string, 0, int(n))
	for _, p := range unsafe.Slice(paths, int(n)) {
		out = append(out, C.GoString(p))
	}
	if len(out) > 0 {
		openedWith.put(out)
	}
}
