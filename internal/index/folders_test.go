package index

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"reflect"
	"testing"
)

// packFolders packs the records of folders, as the index keeps them.
func packFolders(folders []folder, ids []int64) string {
	var b []byte
	for i, f := range folders {
		b = appendFolder(b, ids[i], f.dir, f.files)
	}
	return string(b)
}

func testFolder(dir string, mtime int64, names ...string) folder {
	f := folder{dir: dir}
	for _, n := range names {
		sum := sha256.Sum256([]byte(dir + n))
		f.files = append(f.files, file{name: n, size: int64(len(dir) * len(n)), mtime: mtime, hash: sum[:]})
	}
	return f
}

// unpack reads the records of data back into folders and their ids.
func unpack(t *testing.T, data string) (folders []folder, ids []int64) {
	t.Helper()
	p := packed{data: data}
	for {
		k, ok, err := p.next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			return folders, ids
		}
		f := folder{dir: k.dir}
		k.eachFile(func(s storedFile) bool {
			f.files = append(f.files, file{name: s.name, size: s.size, mtime: s.mtime, hash: []byte(s.hash)})
			return true
		})
		folders, ids = append(folders, f), append(ids, k.id)
	}
}

func TestPackedRoundTrip(t *testing.T) {
	folders := []folder{testFolder("releases/a", -5, "en.md", "km.md", "ja.md"), testFolder("releases/b", 1<<62, "en.md"),
		testFolder("releases/ចុះ", 0, "km.md")}
	ids := []int64{3, 1 << 40, 2}
	gotF, gotIDs := unpack(t, packFolders(folders, ids))
	if !reflect.DeepEqual(gotF, folders) || !reflect.DeepEqual(gotIDs, ids) {
		t.Errorf("unpacked %v %v, want %v %v", gotF, gotIDs, folders, ids)
	}
	// Cut anywhere within a record, the value is damaged.
	data := packFolders(folders, ids)
	ends := map[int]bool{0: true}
	for i := range folders {
		ends[len(packFolders(folders[:i+1], ids[:i+1]))] = true
	}
	for n := range len(data) {
		p := packed{data: data[:n]}
		var err error
		for ok := true; ok && err == nil; {
			_, ok, err = p.next()
		}
		if ends[n] != (err == nil) {
			t.Errorf("cut at %d of %d: error %v", n, len(data), err)
		}
	}
}

// TestRepack: a sync's new digests are the old ones without the folders gone, with the new times of the files
// retimed and with the folders read again, in the order of their paths.
func TestRepack(t *testing.T) {
	a, c, e := testFolder("releases/a", 10, "en.md", "km.md"), testFolder("releases/c", 20, "en.md"), testFolder("releases/e", 30, "en.md", "ja.md")
	old := packFolders([]folder{a, c, e}, []int64{1, 2, 3})
	b, c2, f := testFolder("releases/b", 40, "en.md"), testFolder("releases/c", 50, "en.md", "km.md"), testFolder("releases/f", 60, "ja.md")
	var add []added
	for i, x := range []folder{f, c2, b} {
		add = append(add, added{dir: x.dir, rec: appendFolder(nil, int64(4+i), x.dir, x.files)})
	}
	e2 := testFolder("releases/e", 30, "en.md", "ja.md")
	e2.files[1].mtime = 99
	got, err := repack(old, map[int64]bool{2: true}, map[int64][]file{3: {{name: "ja.md", mtime: 99}}}, add)
	if err != nil {
		t.Fatal(err)
	}
	want := packFolders([]folder{a, b, c2, e2, f}, []int64{1, 6, 5, 3, 4})
	if !bytes.Equal(got, []byte(want)) {
		gf, gi := unpack(t, string(got))
		wf, wi := unpack(t, want)
		t.Errorf("repacked:\n%s\nwant:\n%s", fmt.Sprint(gi, gf), fmt.Sprint(wi, wf))
	}
}
