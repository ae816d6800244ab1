// Package wordcheck finds user-facing sentences written in Go code instead of the message
// files: string literals with words in them, passed to widgets, dialogs, notifications and
// printers. Each package that shows words to people runs it from a test (see Check), so a
// sentence written the old way fails that package's own tests.
package wordcheck

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// A Finding is one sentence written in code.
type Finding struct {
	File string // base name
	Line int
	Call string // what it was passed to, such as "widget.NewLabel" or "SetText"
	Text string
}

func (f Finding) String() string { return fmt.Sprintf("%s:%d: %s(%q)", f.File, f.Line, f.Call, f.Text) }

// packageCalls are the functions, by package name, whose string arguments people read.
// An empty list means every function of the package.
var packageCalls = map[string][]string{
	"widget":    {"New*"},
	"dialog":    nil,
	"container": {"NewTabItem*"},
	"fyne":      {"NewMenu*", "NewNotification"},
	"fmt":       {"Print*", "Fprint*", "Sprint*", "Errorf"},
	"errors":    {"New"},
}

// methodCalls are methods, by name on any receiver, whose string arguments people read.
var methodCalls = []string{
	"SetText", "SetPlaceHolder", "SetTitle", "SetSubTitle", "SetStatus", "SetOptions",
	"NewWindow", "SendNotification", "logf", "SetToolTip",
}

// flagCalls are flag.FlagSet's definitions: only their last argument, the flag's help, is
// read by people (the name and default are not words).
var flagCalls = []string{"StringVar", "BoolVar", "IntVar", "Int64Var", "DurationVar", "Float64Var", "TextVar", "Func", "BoolFunc"}

// textFields are struct fields, by name, that hold words for people (widget.Label{Text:…},
// the CLI's command table).
var textFields = map[string]bool{
	"Text": true, "PlaceHolder": true, "Title": true, "Subtitle": true, "Content": true,
	"summary": true, "more": true, "help": true, "hint": true, "label": true, "title": true,
}

// allowed are literals with letters in them that are not words in any language.
var allowed = map[string]bool{
	"Hoist": true, // the product's name
}

// Wordy reports whether a literal holds words: letters left once format verbs (%s, %-8d,
// %[1]q…) are taken out, not on the allow-list and not a single code-like token.
func Wordy(s string) bool {
	if allowed[s] {
		return false
	}
	s = verb.ReplaceAllString(s, "")
	if codeLike(s) {
		return false
	}
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if letters >= 2 {
				return true
			}
		} else {
			letters = 0
		}
	}
	return false
}

// codeLike reports one token that names something for a program rather than a person:
// an environment variable (HOIST_CONFIG_DIR), a key (destFolder), a format tag
// (hoist-preset/1), a product name with digits or dots (Scene7, Dr.Sum).
func codeLike(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, " \t\n") {
		return false
	}
	rs := []rune(s)
	for i, r := range rs {
		inside := i > 0 && i < len(rs)-1 // "Dr.Sum" is a name, "Saved." a word
		switch {
		case strings.ContainsRune("_/@|=", r), unicode.IsDigit(r),
			inside && strings.ContainsRune(".-:", r),
			i > 0 && unicode.IsLower(rs[i-1]) && unicode.IsUpper(r):
			return true
		}
	}
	return false
}

var verb = regexp.MustCompile(`%[-+# 0]*(\[\d+\])?(\*|\d+)?(\.(\*|\d+))?[a-zA-Z%]`)

// Find lists the sentences written in the non-test Go files of dir.
func Find(dir string) ([]Finding, error) { return find(dir, false) }

// FindInLibrary is Find for a library whose errors are typed and worded by package words
// (package uploader): the text of its errors is for developers and logs, not people, so
// errors.New and fmt.Errorf, and the Error, String and GoString methods, are left out.
func FindInLibrary(dir string) ([]Finding, error) { return find(dir, true) }

func find(dir string, library bool) ([]Finding, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	var out []Finding
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		if library {
			dropDeveloperText(f)
		}
		out = append(out, findInFile(fset, f, consts(f))...)
	}
	return out, nil
}

// dropDeveloperText empties, in a library's file, what only developers read: the bodies
// of Error, String and GoString methods and the arguments of errors.New and fmt.Errorf.
func dropDeveloperText(f *ast.File) {
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Recv != nil && (n.Name.Name == "Error" || n.Name.Name == "String" || n.Name.Name == "GoString") {
				n.Body = nil
				return false
			}
		case *ast.CallExpr:
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok {
				if pkg, ok := sel.X.(*ast.Ident); ok && (pkg.Name == "errors" && sel.Sel.Name == "New" || pkg.Name == "fmt" && sel.Sel.Name == "Errorf") {
					n.Args = nil
				}
			}
		}
		return true
	})
}

// consts maps the names of the file's string constants to their values, so a sentence
// kept in a constant is found where the constant is passed.
func consts(f *ast.File) map[string]*ast.BasicLit {
	m := map[string]*ast.BasicLit{}
	ast.Inspect(f, func(n ast.Node) bool {
		d, ok := n.(*ast.GenDecl)
		if !ok || d.Tok != token.CONST {
			return true
		}
		for _, s := range d.Specs {
			vs := s.(*ast.ValueSpec)
			for i, name := range vs.Names {
				if i < len(vs.Values) {
					if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						m[name.Name] = lit
					}
				}
			}
		}
		return true
	})
	return m
}

func findInFile(fset *token.FileSet, f *ast.File, consts map[string]*ast.BasicLit) []Finding {
	var out []Finding
	seen := map[token.Pos]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if kv, ok := n.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok && textFields[key.Name] {
				ast.Inspect(kv.Value, func(m ast.Node) bool { return visitLit(m, fset, key.Name+":", consts, seen, &out) })
			}
			return true
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		name, ok := checked(call)
		if !ok {
			return true
		}
		args := call.Args
		if match(flagCalls, name) && len(args) > 0 {
			args = args[len(args)-1:]
		}
		for _, arg := range args {
			ast.Inspect(arg, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					if isWordsCall(n) {
						return false // an ID and named values, not a sentence
					}
				case *ast.KeyValueExpr:
					ast.Inspect(n.Value, func(m ast.Node) bool { return visitLit(m, fset, name, consts, seen, &out) })
					return false
				}
				return visitLit(n, fset, name, consts, seen, &out)
			})
		}
		return true
	})
	return out
}

func visitLit(n ast.Node, fset *token.FileSet, call string, consts map[string]*ast.BasicLit, seen map[token.Pos]bool, out *[]Finding) bool {
	var lit *ast.BasicLit
	switch n := n.(type) {
	case *ast.BasicLit:
		lit = n
	case *ast.Ident:
		lit = consts[n.Name]
	case *ast.CallExpr:
		return !isWordsCall(n)
	}
	if lit == nil || lit.Kind != token.STRING || seen[lit.Pos()] {
		return true
	}
	seen[lit.Pos()] = true
	s, err := strconv.Unquote(lit.Value)
	if err != nil || !Wordy(s) {
		return true
	}
	p := fset.Position(n.Pos())
	*out = append(*out, Finding{File: filepath.Base(p.Filename), Line: p.Line, Call: call, Text: s})
	return true
}

// checked names the call when its string arguments are read by people.
func checked(call *ast.CallExpr) (string, bool) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		if id, ok := call.Fun.(*ast.Ident); ok && match(methodCalls, id.Name) {
			return id.Name, true
		}
		return "", false
	}
	if pkg, ok := sel.X.(*ast.Ident); ok {
		if funcs, ok := packageCalls[pkg.Name]; ok {
			if funcs == nil || match(funcs, sel.Sel.Name) {
				return pkg.Name + "." + sel.Sel.Name, true
			}
			return "", false
		}
	}
	if match(methodCalls, sel.Sel.Name) || match(flagCalls, sel.Sel.Name) {
		return sel.Sel.Name, true
	}
	return "", false
}

func match(patterns []string, name string) bool {
	for _, p := range patterns {
		if p == name || strings.HasSuffix(p, "*") && strings.HasPrefix(name, strings.TrimSuffix(p, "*")) {
			return true
		}
	}
	return false
}

func isWordsCall(call *ast.CallExpr) bool {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	pkg, ok := sel.X.(*ast.Ident)
	return ok && pkg.Name == "words"
}

// Check fails t for every sentence written in the code of dir, except in the files of
// pending: the files not converted yet, each with the number of sentences it may still
// hold. A file holding more fails; one holding fewer is logged, so its number can be
// lowered and cannot grow back.
func Check(t testing.TB, dir string, pending map[string]int) {
	t.Helper()
	check(t, dir, pending, false)
}

// CheckLibrary is Check for a library whose errors are typed (FindInLibrary).
func CheckLibrary(t testing.TB, dir string, pending map[string]int) {
	t.Helper()
	check(t, dir, pending, true)
}

func check(t testing.TB, dir string, pending map[string]int, library bool) {
	t.Helper()
	found, err := find(dir, library)
	if err != nil {
		t.Fatal(err)
	}
	perFile := map[string][]Finding{}
	for _, f := range found {
		perFile[f.File] = append(perFile[f.File], f)
	}
	files := make([]string, 0, len(perFile)+len(pending))
	for file := range perFile {
		files = append(files, file)
	}
	for file := range pending {
		if _, ok := perFile[file]; !ok {
			files = append(files, file)
		}
	}
	sort.Strings(files)
	for _, file := range files {
		fs, allowedN := perFile[file], pending[file]
		switch {
		case len(fs) > allowedN:
			var b strings.Builder
			for _, f := range fs {
				fmt.Fprintf(&b, "\n\t%s", f)
			}
			t.Errorf("%s writes %d sentences in Go code (%d allowed until it is converted): put new ones in assets/messages/AREA.LANG.json and show them with words.T or words.N (package hoist/internal/words):%s",
				file, len(fs), allowedN, b.String())
		case len(fs) < allowedN:
			t.Logf("%s now writes %d sentences in Go code: its number in the pending list can go down from %d to %d", file, len(fs), allowedN, len(fs))
		}
	}
}
