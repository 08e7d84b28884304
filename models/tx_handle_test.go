package models

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestTransactionsUseOnlyTheirTx reads every file of this package: inside a
// db.Transaction(func(tx *gorm.DB) error {…}) closure, the handle the transaction
// was started from must not appear. On SQLite there is one writer connection, held
// by tx, so a write through the outer handle waits for tx, which waits for it (the
// pool turns that into an error after 5 s, never a success); a read through it
// misses tx's own writes.
func TestTransactionsUseOnlyTheirTx(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, use := range outerHandleUses(f) {
			t.Errorf("%s: %s is used inside a transaction started from it; use the transaction's handle", fset.Position(use.Pos()), use.Name)
		}
	}
}

// outerHandleUses finds, in each Transaction call whose argument is a function
// literal, the uses of the identifier the call chain starts from (db in
// db.WithContext(ctx).Transaction) inside that literal.
func outerHandleUses(f *ast.File) []*ast.Ident {
	var uses []*ast.Ident
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) == 0 {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		lit, isLit := call.Args[0].(*ast.FuncLit)
		if !ok || sel.Sel.Name != "Transaction" || !isLit {
			return true
		}
		outer := chainRoot(sel.X)
		ast.Inspect(lit.Body, func(m ast.Node) bool {
			if id, ok := m.(*ast.Ident); ok && outer != "" && id.Name == outer {
				uses = append(uses, id)
			}
			return true
		})
		return true
	})
	return uses
}

// chainRoot is the identifier a call chain like db.WithContext(ctx) starts from.
func chainRoot(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.Ident:
			return x.Name
		case *ast.SelectorExpr:
			e = x.X
		case *ast.CallExpr:
			e = x.Fun
		case *ast.ParenExpr:
			e = x.X
		default:
			return ""
		}
	}
}

// TestOuterHandleUsesFindsTheMistake checks the checker on a closure that has it.
func TestOuterHandleUsesFindsTheMistake(t *testing.T) {
	src := `package p
func save(db *gorm.DB) error {
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(&a).Error; err != nil { return err }
		return db.Create(&b).Error
	})
}`
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	if uses := outerHandleUses(f); len(uses) != 1 || uses[0].Name != "db" {
		t.Fatalf("got %d uses, want the one of db inside the closure", len(uses))
	}
}
