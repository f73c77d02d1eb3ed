package matchform_test

import (
	"fmt"
	"strings"

	"github.com/relloc/relloc/internal/matchform"
)

func ExampleKhmer() {
	orig := "ឯកឧត្ដម ប្រាក់ សុខុន"
	f := matchform.Khmer(orig)
	i := strings.Index(f.Text, "ឯកឧត្តម")
	j := i + len("ឯកឧត្តម")
	fmt.Println(f.Text == orig, orig[f.Orig(i):f.OrigEnd(j)] == "ឯកឧត្ដម")
	// Output: false true
}

func ExampleJapanese() {
	f := matchform.Japanese("ｐｒｅｓｓ　１８日")
	fmt.Println(f.Text)
	// Output: press 18日
}

func ExampleKhmerIssues() {
	for _, is := range matchform.KhmerIssues("មន្រ្តី") {
		fmt.Println(is.Kind, is.Off, is.End)
	}
	// Output: non-canonical 6 18
}
