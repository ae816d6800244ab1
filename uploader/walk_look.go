package uploader

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// look is what the walk learnt of a path its folder lists (folder.lookAt).
type look struct {
	size   int64
	id     fileID
	err    error // errNotPlain when it is not a regular file
	looked bool  // false: not looked at (a name the walk leaves out, a dropped path, a link put off)
}

// lookParallel is the fewest paths a folder must list before they are looked at by
// several goroutines: below it, starting them costs more than they save.
const lookParallel = 32

// lookAll looks at the paths a folder lists whose names the walk keeps (folder.lookAt),
// and returns what each look told, by name. A look is what tells a file from a folder or
// a link (the listing gives names alone, openFolder), so subfolders are looked at too,
// one system call each. It looks at several at once: the walk of a large drop is these
// system calls (bench/README.md), and the kernel answers them on every core. What the
// walk does with the answers stays in the listing's order, one at a time, so the result
// does not depend on which look finished first.
func lookAll(d folder, p string, names []string) []look {
	looks := make([]look, len(names))
	todo := make([]int, 0, len(names))
	for i, name := range names {
		if systemFile(name) == 0 && controlIn(name) < 0 {
			todo = append(todo, i)
		}
	}
	one := func(i int) {
		l := &looks[i]
		l.size, l.id, l.err = d.lookAt(p, names[i])
		l.looked = true
	}
	workers := min(runtime.GOMAXPROCS(0), 8, len(todo)/lookParallel)
	if workers < 2 {
		for _, i := range todo {
			one(i)
		}
		return looks
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				k := int(next.Add(1)) - 1
				if k >= len(todo) {
					return
				}
				one(todo[k])
			}
		})
	}
	wg.Wait()
	return looks
}
