# Regenerates src/main/resources/io/kinhealth/compliance/content/pinyin.tsv from Debian package
# golang-github-mozillazg-go-pinyin-dev (apt-get install it first). Run from sdk-compliance/.
import re, unicodedata
src='/usr/share/gocode/src/github.com/mozillazg/go-pinyin/pinyin_dict.go'
d={}
for m in re.finditer(r'0x([0-9A-F]+): "([^"]+)"', open(src,encoding='utf-8').read()):
    d[int(m.group(1),16)] = m.group(2).split(',')
TONES = {'\u0304': '1', '\u0301': '2', '\u030C': '3', '\u0300': '4'}
def toned(p):
    """Numbered pinyin: lüè -> lve4, ma -> ma5 (neutral tone)."""
    p = unicodedata.normalize('NFD', p).replace('u\u0308','v')
    tone = '5'
    out = []
    for ch in p:
        if ch in TONES:
            tone = TONES[ch]
        elif unicodedata.category(ch) != 'Mn':
            out.append(ch)
    return ''.join(out) + tone
def gb(level):
    rows = range(0xB0,0xD8) if level==1 else range(0xD8,0xF8)
    out=[]
    for r in rows:
        for c in range(0xA1,0xFF):
            try: ch=bytes([r,c]).decode('gb2312')
            except UnicodeDecodeError: continue
            out.append(ch)
    return out
l1=gb(1); l2=gb(2)
print(len(l1),len(l2))
lines=["# Hanyu Pinyin readings (tone numbers) of the 6,763 characters of GB 2312 (level 1: the 3,755 common characters).",
"# Columns: character <TAB> readings with tone numbers, most common first (comma-separated, u-umlaut written v, 5 = neutral tone) <TAB> level (1 or 2).",
"# Source: pinyin-data via mozillazg/go-pinyin pinyin_dict.go (MIT licence; readings from Unicode Unihan kHanyuPinyin/kXHC1983).",
"# Used to spell trigger terms the way copywriters disguise them: one character in pinyin (无效tui款), initials (wfzy),",
"# and a common character of the same syllable and tone (立杆见影)."]
miss=0
for lvl,chars in ((1,l1),(2,l2)):
    for ch in chars:
        rs=d.get(ord(ch))
        if not rs: miss+=1; continue
        seen=[]
        for r in rs:
            t=toned(r)
            if t not in seen: seen.append(t)
        lines.append(f"{ch}\t{','.join(seen)}\t{lvl}")
print('missing',miss)
open('src/main/resources/io/kinhealth/compliance/content/pinyin.tsv','w',encoding='utf-8').write("\n".join(lines)+"\n")
