
# --------------------------------------------------------------------------------------
# Per-theme banks. Templates use str.format slots; a template whose slots are not
# available for an item is skipped. Banks may be keyed by direction ("naik", "turun",
# "stabil", "*" = any). Slot entries that are dicts set several coherent slots at once
# and may be restricted to seasonal moments with "when" (see _events). Tuples are
# number specs (low, high, decimals[, rounding step]). "name*k" picks k distinct values.
# --------------------------------------------------------------------------------------

_IHK = "Perkembangan IHK (Inflasi)"
_PAR = "Perkembangan Pariwisata"
_MISKIN = "Profil Kemiskinan"
_EKSIM = "Perkembangan Ekspor Impor"
_PE = "Pertumbuhan Ekonomi"
_IPM = "Indeks Pembangunan Manusia (IPM)"
_NAKER = "Keadaan Ketenagakerjaan"
_PADI = "Luas Panen dan Produksi Padi"

THEMES: dict[str, dict] = {}

THEMES["Harga-harga (Inflasi)"] = {
    "weight": 16,
    "kab": True,
    "kab_weights": {"3101": 1, "3171": 2, "3172": 4, "3173": 2, "3174": 2, "3175": 2},
    "place": "pasar",
    "scopes": {"dki": 85, "nasional": 15},
    "dirs": {"naik": 70, "turun": 20, "stabil": 10},
    "indicators": [(_IHK, 1.0)],
    "press": ["jakarta.bps.go.id", "jakarta.bps.go.id", "bi.go.id", "bps.go.id"],
    "keywords": [
        "inflasi",
        "harga pangan",
        "ihk",
        "daya beli",
        "tpid",
        "pasokan",
        "operasi pasar",
        "pasar tradisional",
    ],
    "slots": {
        "kom": {
            "naik": [
                {
                    "komoditas": "cabai merah",
                    "kw1": "cabai merah",
                    "harga": (55000, 95000, 0, 500),
                    "satuan": "kg",
                    "sebab": "curah hujan tinggi yang mengganggu panen di sentra produksi "
                    "Garut dan Brebes",
                    "sebab_singkat": "pasokan seret",
                    "when": "musim_hujan",
                },
                {
                    "komoditas": "cabai merah",
                    "kw1": "cabai merah",
                    "harga": (50000, 85000, 0, 500),
                    "satuan": "kg",
                    "sebab": "berakhirnya masa panen di sentra produksi Jawa Barat dan "
                    "Jawa Tengah",
                    "sebab_singkat": "panen berakhir",
                },
                {
                    "komoditas": "cabai rawit",
                    "kw1": "cabai rawit",
                    "harga": (60000, 110000, 0, 500),
                    "satuan": "kg",
                    "sebab": "berkurangnya pasokan dari Jawa Tengah dan Jawa Timur akibat "
                    "cuaca ekstrem",
                    "sebab_singkat": "cuaca ekstrem",
                    "when": "musim_hujan",
                },
                {
                    "komoditas": "bawang merah",
                    "kw1": "bawang merah",
                    "harga": (38000, 62000, 0, 500),
                    "satuan": "kg",
                    "sebab": "menipisnya pasokan dari Brebes dan Nganjuk di luar masa panen",
                    "sebab_singkat": "pasokan berkurang",
                },
                {
                    "komoditas": "beras medium",
                    "kw1": "beras",
                    "harga": (12800, 14600, 0, 100),
                    "satuan": "kg",
                    "sebab": "mundurnya masa tanam dan menurunnya stok di Pasar Induk Beras "
                    "Cipinang",
                    "sebab_singkat": "stok menipis",
                },
                {
                    "komoditas": "beras premium",
                    "kw1": "beras",
                    "harga": (14800, 17200, 0, 100),
                    "satuan": "kg",
                    "sebab": "tingginya harga gabah kering panen di tingkat petani",
                    "sebab_singkat": "harga gabah tinggi",
                },
                {
                    "komoditas": "emas perhiasan",
                    "kw1": "emas perhiasan",
                    "harga": (1250000, 1750000, 0, 5000),
                    "satuan": "gram",
                    "sebab": "naiknya harga emas dunia di tengah ketidakpastian ekonomi global",
                    "sebab_singkat": "harga emas dunia naik",
                },
                {
                    "komoditas": "daging ayam ras",
                    "kw1": "daging ayam",
                    "harga": (36000, 45000, 0, 500),
                    "satuan": "kg",
                    "sebab": "naiknya harga pakan dan bibit ayam (DOC) di tingkat peternak",
                    "sebab_singkat": "harga pakan naik",
                },
                {
                    "komoditas": "telur ayam ras",
                    "kw1": "telur ayam",
                    "harga": (28500, 33500, 0, 500),
                    "satuan": "kg",
                    "sebab": "naiknya harga jagung pakan di tingkat peternak di Blitar dan "
                    "Kendal",
                    "sebab_singkat": "harga jagung pakan naik",
                },
                {
                    "komoditas": "daging sapi",
                    "kw1": "daging sapi",
                    "harga": (135000, 160000, 0, 1000),
                    "satuan": "kg",
                    "sebab": "meningkatnya permintaan menjelang {momen}",
                    "sebab_singkat": "permintaan melonjak",
                    "when": ("lebaran", "iduladha"),
                },
                {
                    "komoditas": "tarif angkutan udara",
                    "kw1": "tiket pesawat",
                    "sebab": "lonjakan permintaan perjalanan selama {momen}",
                    "sebab_singkat": "permintaan tiket melonjak",
                    "when": ("nataru", "lebaran", "libur_sekolah"),
                },
                {
                    "komoditas": "biaya pendidikan",
                    "kw1": "biaya pendidikan",
                    "sebab": "dimulainya tahun ajaran baru di sekolah dan perguruan tinggi "
                    "swasta",
                    "sebab_singkat": "tahun ajaran baru",
                    "when": "ajaran_baru",
                },
                {
                    "komoditas": "tomat",
                    "kw1": "tomat",
                    "harga": (15000, 28000, 0, 500),
                    "satuan": "kg",
                    "sebab": "serangan hama dan cuaca lembap di sentra hortikultura Lembang "
                    "dan Cianjur",
                    "sebab_singkat": "serangan hama",
                },
                {
                    "komoditas": "gula pasir",
                    "kw1": "gula pasir",
                    "harga": (17500, 19500, 0, 100),
                    "satuan": "kg",
                    "sebab": "naiknya harga gula mentah di pasar internasional",
                    "sebab_singkat": "harga gula dunia naik",
                },
                {
                    "komoditas": "minyak goreng",
                    "kw1": "minyak goreng",
                    "harga": (17000, 20500, 0, 100),
                    "satuan": "liter",
                    "sebab": "naiknya harga minyak sawit mentah (CPO) di pasar global",
                    "sebab_singkat": "harga CPO naik",
                },
                {
                    "komoditas": "bensin",
                    "kw1": "bbm",
                    "objek": "harga BBM nonsubsidi",
                    "sebab": "penyesuaian harga BBM nonsubsidi oleh Pertamina dan badan usaha "
                    "lainnya",
                    "sebab_singkat": "harga BBM nonsubsidi naik",
                },
                {
                    "komoditas": "tarif air minum PAM",
                    "kw1": "tarif air",
                    "sebab": "penyesuaian tarif air minum oleh Perumda PAM Jaya",
                    "sebab_singkat": "tarif PAM naik",
                    "when": "diskon_listrik",
                },
            ],
            "turun": [
                {
                    "komoditas": "cabai merah",
                    "kw1": "cabai merah",
                    "harga": (24000, 40000, 0, 500),
                    "satuan": "kg",
                    "sebab": "panen raya di sentra produksi yang membuat pasokan ke Pasar "
                    "Induk Kramat Jati melimpah",
                    "sebab_singkat": "pasokan melimpah",
                    "when": ("kemarau", "panen"),
                },
                {
                    "komoditas": "cabai rawit",
                    "kw1": "cabai rawit",
                    "harga": (25000, 45000, 0, 500),
                    "satuan": "kg",
                    "sebab": "masuknya musim panen di sentra produksi Jawa Timur",
                    "sebab_singkat": "musim panen",
                    "when": ("kemarau", "panen"),
                },
                {
                    "komoditas": "bawang merah",
                    "kw1": "bawang merah",
                    "harga": (25000, 35000, 0, 500),
                    "satuan": "kg",
                    "sebab": "panen raya bawang merah di Brebes",
                    "sebab_singkat": "panen raya",
                },
                {
                    "komoditas": "tomat",
                    "kw1": "tomat",
                    "harga": (7000, 12000, 0, 500),
                    "satuan": "kg",
                    "sebab": "melimpahnya pasokan dari sentra hortikultura di Jawa Barat",
                    "sebab_singkat": "pasokan melimpah",
                },
                {
                    "komoditas": "daging ayam ras",
                    "kw1": "daging ayam",
                    "harga": (30000, 34500, 0, 500),
                    "satuan": "kg",
                    "sebab": "kelebihan pasokan ayam hidup di tingkat peternak",
                    "sebab_singkat": "pasokan ayam berlebih",
                },
                {
                    "komoditas": "telur ayam ras",
                    "kw1": "telur ayam",
                    "harga": (24000, 27500, 0, 500),
                    "satuan": "kg",
                    "sebab": "normalnya permintaan setelah {momen}",
                    "sebab_singkat": "permintaan normal",
                    "when": ("pasca_lebaran", "pasca_nataru"),
                },
                {
                    "komoditas": "tarif angkutan udara",
                    "kw1": "tiket pesawat",
                    "sebab": "berakhirnya periode {momen} sehingga permintaan tiket kembali "
                    "normal",
                    "sebab_singkat": "libur usai",
                    "when": ("pasca_lebaran", "pasca_nataru"),
                },
                {
                    "komoditas": "tarif listrik",
                    "kw1": "tarif listrik",
                    "sebab": "pemberian diskon tarif listrik 50 persen bagi pelanggan rumah "
                    "tangga berdaya hingga 2.200 VA",
                    "sebab_singkat": "diskon tarif listrik",
                    "when": "diskon_listrik",
                },
                {
                    "komoditas": "bensin",
                    "kw1": "bbm",
                    "objek": "harga BBM nonsubsidi",
                    "sebab": "turunnya harga minyak mentah dunia yang diikuti penyesuaian "
                    "harga BBM nonsubsidi",
                    "sebab_singkat": "harga BBM turun",
                },
                {
                    "komoditas": "emas perhiasan",
                    "kw1": "emas perhiasan",
                    "harga": (1150000, 1400000, 0, 5000),
                    "satuan": "gram",
                    "sebab": "melemahnya harga emas dunia seiring menguatnya dolar AS",
                    "sebab_singkat": "harga emas melemah",
                },
            ],
            "stabil": [
                {
                    "komoditas": "beras medium",
                    "kw1": "beras",
                    "sebab": "penyaluran beras SPHP oleh Bulog dan operasi pasar di sejumlah "
                    "pasar tradisional",
                    "sebab_singkat": "operasi pasar",
                },
                {
                    "komoditas": "minyak goreng",
                    "kw1": "minyak goreng",
                    "sebab": "terjaganya pasokan Minyakita di pasar tradisional",
                    "sebab_singkat": "pasokan terjaga",
                },
                {
                    "komoditas": "bawang merah",
                    "kw1": "bawang merah",
                    "sebab": "pasokan yang lancar dari sentra produksi di Brebes",
                    "sebab_singkat": "pasokan lancar",
                },
                {
                    "komoditas": "telur ayam ras",
                    "kw1": "telur ayam",
                    "sebab": "Gerakan Pangan Murah yang digelar Pemprov DKI Jakarta bersama "
                    "Food Station",
                    "sebab_singkat": "gerakan pangan murah",
                },
                {
                    "komoditas": "gula pasir",
                    "kw1": "gula pasir",
                    "sebab": "stok gula nasional yang mencukupi hingga akhir tahun",
                    "sebab_singkat": "stok mencukupi",
                },
            ],
        },
        "lain*2": [
            "bawang merah",
            "tomat",
            "daging ayam ras",
            "emas perhiasan",
            "sigaret kretek mesin",
            "kopi bubuk",
            "tarif parkir",
            "sewa rumah",
            "bawang putih",
            "ikan kembung",
        ],
    },
    "aktor": [
        "Kepala BPS Provinsi DKI Jakarta",
        "Kepala Perwakilan Bank Indonesia Provinsi DKI Jakarta",
        "Kepala Dinas Ketahanan Pangan, Kelautan dan Pertanian DKI Jakarta",
        "Direktur Utama Perumda Pasar Jaya",
        "Ketua Ikatan Pedagang Pasar Indonesia (Ikappi) DKI Jakarta",
    ],
    "nums": {
        "mtm": (0.10, 0.90, 2),
        "mtm_low": (0.01, 0.12, 2),
        "deflasi": (0.02, 0.45, 2),
        "yoy": (1.50, 3.50, 2),
        "andil": (0.02, 0.16, 2),
        "persen_harga": (5, 35, 0),
    },
    "titles": {
        "naik": [
            "{objek_t} Melonjak, Inflasi {wil_t} {bulan} {tahun} Capai {mtm} Persen",
            "Inflasi {wil_t} {bulan} {tahun} Tercatat {mtm} Persen, {komoditas_t} Jadi "
            "Penyumbang Utama",
            "{komoditas_t} Dorong Inflasi {wil_t} {bulan} {tahun}, Inflasi Tahunan {yoy} Persen",
            "BPS: Kenaikan {objek_t} Picu Inflasi {mtm} Persen pada {bulan} {tahun}",
            "{sebab_singkat_t}, Harga {komoditas_t} di {tempat_t} Naik Jadi Rp{harga} per "
            "{satuan}",
            "Inflasi Tahunan {wil_t} {bulan} {tahun} Sebesar {yoy} Persen, {komoditas_t} "
            "Beri Andil Terbesar",
            "{sebab_singkat_t}, {komoditas_t} Kerek Inflasi {wil_t} {bulan} {tahun}",
        ],
        "turun": [
            "{wil_s_t} Alami Deflasi {deflasi} Persen pada {bulan} {tahun}, {objek_t} Turun",
            "{objek_t} Anjlok, {wil_s_t} Catat Deflasi pada {bulan} {tahun}",
            "{sebab_singkat_t}, Harga {komoditas_t} di {tempat_t} Turun ke Rp{harga} per "
            "{satuan}",
            "BPS Catat Deflasi {deflasi} Persen di {wil_s_t} Akibat Penurunan {objek_t}",
            "{sebab_singkat_t}, {wil_s_t} Alami Deflasi {deflasi} Persen pada {bulan} {tahun}",
        ],
        "stabil": [
            "Inflasi {wil_t} {bulan} {tahun} Terkendali di {mtm_low} Persen, {objek_t} Stabil",
            "{objek_t} Relatif Stabil, Inflasi {wil_t} {bulan} {tahun} Hanya {mtm_low} Persen",
            "TPID DKI Jaga Stabilitas {objek_t}, Inflasi {bulan} {tahun} Sebesar {mtm_low} "
            "Persen",
        ],
    },
    "leads": {
        "naik": [
            "{bps} mencatat inflasi bulanan {wil} pada {bulan} {tahun} sebesar {mtm} persen "
            "(mtm), sementara inflasi tahunan mencapai {yoy} persen (yoy).",
            "Komoditas {komoditas} menjadi penyumbang utama inflasi {wil} pada {bulan} {tahun} "
            "dengan andil {andil} persen poin terhadap inflasi bulanan sebesar {mtm} persen.",
            "Indeks Harga Konsumen (IHK) {wil} pada {bulan} {tahun} naik {mtm} persen "
            "dibanding {bulan_lalu}, terutama didorong kenaikan {objek}.",
            "Pantauan di {tempat} menunjukkan harga {komoditas} naik sekitar {persen_harga} "
            "persen dibanding {bulan_lalu} menjadi Rp{harga} per {satuan}.",
        ],
        "turun": [
            "{bps} mencatat {wil_s} mengalami deflasi sebesar {deflasi} persen (mtm) pada "
            "{bulan} {tahun}, dengan inflasi tahunan tercatat {yoy} persen (yoy).",
            "Penurunan {objek} menjadi penyumbang deflasi terbesar {di_wil} pada {bulan} "
            "{tahun} dengan andil -{andil} persen poin.",
            "Pantauan di {tempat} menunjukkan harga {komoditas} turun sekitar {persen_harga} "
            "persen dibanding {bulan_lalu} menjadi Rp{harga} per {satuan}.",
        ],
        "stabil": [
            "Inflasi {wil} pada {bulan} {tahun} tercatat rendah, hanya {mtm_low} persen (mtm), "
            "dengan inflasi tahunan sebesar {yoy} persen (yoy).",
            "{bps} mencatat IHK {wil} pada {bulan} {tahun} hanya naik {mtm_low} persen "
            "dibanding {bulan_lalu}, ditopang stabilnya {objek}.",
        ],
    },
    "causes": {
        "naik": [
            "Menurut {aktor}, kenaikan {objek} dipicu oleh {sebab}.",
            "Pedagang di {tempat} menyebut {sebab} membuat {objek} sulit turun dalam beberapa "
            "pekan terakhir.",
            "Kenaikan tersebut terutama disebabkan oleh {sebab}, sementara permintaan "
            "masyarakat relatif tetap.",
        ],
        "turun": [
            "Menurut {aktor}, penurunan {objek} terjadi karena {sebab}.",
            "Pedagang di {tempat} menyebut {sebab} membuat {objek} berangsur turun sejak "
            "awal bulan.",
        ],
        "stabil": [
            "Menurut {aktor}, {objek} relatif stabil berkat {sebab}.",
            "Pedagang di {tempat} mengakui {objek} tidak banyak bergerak karena {sebab}.",
        ],
    },
    "extras": [
        "Selain {komoditas}, komoditas lain yang turut memberi andil antara lain {lain} dan "
        "{lain2}.",
        "Kelompok makanan, minuman, dan tembakau tercatat sebagai penyumbang terbesar "
        "perubahan indeks pada bulan tersebut.",
    ],
    "closings": {
        "naik": [
            "Pemprov DKI Jakarta bersama TPID menggelar operasi pasar dan Gerakan Pangan Murah "
            "di {tempat2} untuk meredam kenaikan harga.",
            "{aktor2} memperkirakan tekanan harga akan mereda pada {bulan_depan} seiring "
            "membaiknya pasokan dari daerah sentra.",
            "Meski demikian, inflasi tahunan sebesar {yoy} persen masih berada dalam rentang "
            "sasaran 2,5±1 persen.",
        ],
        "turun": [
            "Deflasi ini dinilai bersifat sementara karena lebih banyak dipengaruhi sisi "
            "pasokan, bukan melemahnya daya beli masyarakat.",
            "{aktor2} meminta pemantauan harga tetap dilakukan agar penurunan harga tidak "
            "merugikan petani dan peternak di daerah pemasok.",
        ],
        "stabil": [
            "TPID DKI Jakarta akan terus memantau harga di {tempat2} dan pasar tradisional "
            "lainnya untuk menjaga daya beli masyarakat.",
            "{aktor2} menilai kerja sama antardaerah dalam penyediaan pangan menjadi kunci "
            "stabilnya harga di Jakarta.",
        ],
    },
    "topik": ["pergerakan {objek}", "perkembangan {objek} di tingkat konsumen"],
    "peserta": [
        "pedagang pasar tradisional",
        "pengelola pasar dan pedagang grosir",
        "perwakilan Perumda Pasar Jaya dan pedagang",
    ],
    "narasumber": [
        "kepala unit pasar",
        "seorang pedagang grosir",
        "pengurus Ikappi setempat",
        "pedagang eceran",
    ],
}

THEMES["Pariwisata"] = {
    "weight": 9,
    "kab": True,
    "kab_weights": {"3101": 5, "3171": 1, "3172": 1, "3173": 2, "3174": 2, "3175": 2},
    "place": "wisata",
    "scopes": {"dki": 90, "nasional": 10},
    "dirs": {"naik": 60, "turun": 35, "stabil": 5},
    "indicators": [(_PAR, 1.0)],
    "press": ["jakarta.bps.go.id", "kemenparekraf.go.id"],
    "keywords": [
        "pariwisata",
        "okupansi hotel",
        "wisman",
        "tpk",
        "hotel berbintang",
        "phri",
        "wisatawan nusantara",
        "mice",
    ],
    "slots": {
        "sbb": {
            "naik": [
                {
                    "sebab": "libur sekolah dan cuti bersama",
                    "sebab_singkat": "libur sekolah",
                    "when": ("libur_sekolah",),
                },
                {
                    "sebab": "penyelenggaraan konser musik internasional di Gelora Bung Karno "
                    "dan Jakarta International Stadium",
                    "sebab_singkat": "konser internasional",
                    "kw2": "konser",
                },
                {
                    "sebab": "padatnya agenda rapat dan MICE instansi pemerintah serta "
                    "korporasi di akhir tahun anggaran",
                    "sebab_singkat": "agenda MICE akhir tahun",
                    "kw2": "mice",
                    "when": "akhir_tahun",
                },
                {
                    "sebab": "penyelenggaraan Jakarta Fair di JIExpo Kemayoran",
                    "sebab_singkat": "Jakarta Fair",
                    "when": "jakarta_fair",
                },
                {
                    "sebab": "rangkaian perayaan {momen}",
                    "sebab_singkat": "perayaan HUT Jakarta",
                    "when": "hut_jakarta",
                },
                {
                    "sebab": "dibukanya sejumlah rute penerbangan langsung baru dari kota-kota "
                    "di Asia",
                    "sebab_singkat": "rute penerbangan baru",
                },
                {
                    "sebab": "libur Natal dan Tahun Baru",
                    "sebab_singkat": "libur Nataru",
                    "when": "nataru",
                },
                {
                    "sebab": "pameran dagang dan konferensi internasional di JIExpo Kemayoran "
                    "dan Jakarta Convention Center",
                    "sebab_singkat": "pameran internasional",
                    "kw2": "mice",
                },
            ],
            "turun": [
                {
                    "sebab": "berakhirnya musim libur sekolah",
                    "sebab_singkat": "libur usai",
                    "when": ("ajaran_baru", "pasca_nataru"),
                },
                {
                    "sebab": "bulan Ramadan yang menurunkan kegiatan rapat dan perjalanan wisata",
                    "sebab_singkat": "efek Ramadan",
                    "when": "ramadan",
                },
                {
                    "sebab": "efisiensi anggaran perjalanan dinas dan rapat di hotel oleh "
                    "instansi pemerintah",
                    "sebab_singkat": "efisiensi anggaran",
                    "kw2": "efisiensi anggaran",
                    "when": "efisiensi",
                },
                {
                    "sebab": "cuaca buruk dan gelombang tinggi yang membuat penyeberangan ke "
                    "Kepulauan Seribu dibatasi",
                    "sebab_singkat": "cuaca buruk",
                    "when": "musim_hujan",
                },
                {
                    "sebab": "minimnya agenda acara berskala besar dan pameran di Jakarta",
                    "sebab_singkat": "sepi agenda acara",
                },
                {
                    "sebab": "lesunya permintaan kamar dari segmen korporasi",
                    "sebab_singkat": "permintaan korporasi lesu",
                },
            ],
            "stabil": [
                {
                    "sebab": "stabilnya permintaan kamar dari segmen korporasi dan wisatawan "
                    "nusantara",
                    "sebab_singkat": "permintaan stabil",
                },
            ],
        },
        "negara*3": [
            "Malaysia",
            "China",
            "Singapura",
            "Jepang",
            "Korea Selatan",
            "Australia",
            "India",
            "Amerika Serikat",
            "Arab Saudi",
        ],
    },
    "nums": {
        "tpk": (45.0, 70.0, 2),
        "tpk_delta": (0.5, 6.0, 2),
        "wisman": (150, 265, 1),
        "wisman_pct": (2.0, 25.0, 2),
        "rlmt": (1.6, 2.3, 2),
        "wisnus": (4.5, 7.5, 2),
    },
    "aktor": [
        "Ketua Badan Pimpinan Daerah PHRI DKI Jakarta",
        "Kepala Dinas Pariwisata dan Ekonomi Kreatif DKI Jakarta",
        "Kepala BPS Provinsi DKI Jakarta",
        "Sekretaris Asosiasi Travel Agent Indonesia (Astindo)",
    ],
    "titles": {
        "naik": [
            "TPK Hotel Berbintang di Jakarta {bulan} {tahun} Naik Jadi {tpk} Persen",
            "Kunjungan Wisman ke Jakarta {bulan} {tahun} Capai {wisman} Ribu, Naik "
            "{wisman_pct} Persen",
            "{sebab_singkat_t}, Okupansi Hotel di Sekitar {tempat_t} Melonjak pada {bulan}",
            "Wisman Asal {negara_t} Dominasi Kunjungan ke Jakarta pada {bulan} {tahun}",
            "Tingkat Hunian Hotel Jakarta {bulan} {tahun} Naik {tpk_delta} Poin Berkat "
            "{sebab_singkat_t}",
            "{sebab_singkat_t} Dongkrak Kunjungan Wisatawan ke {tempat_t}, {bulan} {tahun}",
        ],
        "turun": [
            "TPK Hotel Berbintang Jakarta {bulan} {tahun} Turun ke {tpk} Persen",
            "Okupansi Hotel Jakarta Melemah pada {bulan} {tahun}, PHRI Sebut {sebab_singkat_t}",
            "Kunjungan Wisman ke Jakarta {bulan} {tahun} Turun {wisman_pct} Persen",
            "{sebab_singkat_t}, Kunjungan Wisatawan ke {tempat_t} Menurun pada {bulan} {tahun}",
            "Tingkat Hunian Hotel Jakarta Turun {tpk_delta} Poin pada {bulan} {tahun}",
        ],
        "stabil": [
            "TPK Hotel Berbintang Jakarta {bulan} {tahun} Bertahan di Kisaran {tpk} Persen",
            "Kunjungan Wisman ke Jakarta {bulan} {tahun} Stabil di {wisman} Ribu Kunjungan",
        ],
    },
    "leads": [
        "{bps} mencatat Tingkat Penghunian Kamar (TPK) hotel berbintang di Jakarta pada "
        "{bulan} {tahun} sebesar {tpk} persen, {arah} {tpk_delta} poin dibanding {bulan_lalu}.",
        "Jumlah kunjungan wisatawan mancanegara (wisman) ke Jakarta pada {bulan} {tahun} "
        "tercatat {wisman} ribu kunjungan, {arah} {wisman_pct} persen dibanding bulan "
        "sebelumnya.",
        "Rata-rata lama menginap tamu hotel berbintang di Jakarta pada {bulan} {tahun} "
        "tercatat {rlmt} hari, dengan TPK sebesar {tpk} persen.",
        "Perjalanan wisatawan nusantara dengan tujuan Jakarta pada {bulan} {tahun} "
        "mencapai {wisnus} juta perjalanan, {meningkat} dibanding {bulan_lalu}.",
    ],
    "causes": [
        "{aktor} menyebut kondisi tersebut dipengaruhi oleh {sebab}.",
        "Pengelola {tempat} mengatakan {sebab} berpengaruh langsung terhadap jumlah pengunjung "
        "dan tingkat hunian hotel di sekitarnya.",
        "Menurut {aktor}, {sebab} menjadi faktor utama pergerakan tingkat hunian kamar pada "
        "bulan tersebut.",
    ],
    "extras": [
        "Wisman asal {negara} masih menjadi penyumbang kunjungan terbesar, disusul {negara2} "
        "dan {negara3}.",
        "Hotel bintang empat dan lima di kawasan Thamrin, Sudirman, dan Kuningan mencatat "
        "tingkat hunian tertinggi.",
    ],
    "closings": {
        "naik": [
            "PHRI DKI Jakarta berharap momentum ini berlanjut dengan lebih banyak agenda acara "
            "internasional di Jakarta.",
            "Dinas Parekraf DKI Jakarta menyiapkan kalender acara di {tempat2} untuk menjaga "
            "tren kunjungan wisatawan.",
        ],
        "turun": [
            "Pelaku usaha perhotelan berharap pemerintah kembali menggelar kegiatan di hotel "
            "agar tingkat hunian pulih.",
            "Pengelola destinasi di {tempat2} menyiapkan paket promosi untuk menarik kembali "
            "wisatawan domestik.",
        ],
        "stabil": [
            "{aktor2} memperkirakan tingkat hunian akan meningkat menjelang musim libur "
            "berikutnya.",
        ],
    },
    "topik": ["kunjungan wisatawan", "tingkat hunian penginapan dan homestay"],
    "peserta": [
        "pengelola homestay dan pemandu wisata",
        "pelaku usaha wisata dan perhotelan",
        "pengelola destinasi wisata",
    ],
    "narasumber": [
        "pengelola homestay",
        "manajer hotel",
        "pengelola destinasi wisata",
        "pemandu wisata",
    ],
}

THEMES["Tenaga Kerja"] = {
    "weight": 8,
    "kab": True,
    "kab_weights": {"3101": 1, "3171": 2, "3172": 3, "3173": 2, "3174": 3, "3175": 3},
    "place": "kawasan",
    "scopes": {"dki": 85, "nasional": 10, "bodetabek": 5},
    "dirs": {"naik": 45, "turun": 50, "stabil": 5},
    "indicators": [(_NAKER, 1.0)],
    "press": ["jakarta.bps.go.id", "kemnaker.go.id"],
    "keywords": [
        "pengangguran",
        "tpt",
        "phk",
        "lapangan kerja",
        "sakernas",
        "pekerja informal",
        "ump",
        "job fair",
    ],
    "slots": {
        "sbb": {
            "naik": [
                {
                    "sebab": "gelombang PHK di industri tekstil dan alas kaki",
                    "sebab_singkat": "PHK industri tekstil",
                    "kw2": "phk",
                },
                {
                    "sebab": "penutupan sejumlah gerai ritel modern dan pusat perbelanjaan",
                    "sebab_singkat": "gerai ritel tutup",
                    "kw2": "ritel",
                },
                {
                    "sebab": "bertambahnya lulusan baru SMA dan SMK yang belum terserap pasar "
                    "kerja",
                    "sebab_singkat": "lulusan baru belum terserap",
                    "kw2": "lulusan smk",
                    "when": ("libur_sekolah", "ajaran_baru"),
                },
                {
                    "sebab": "perlambatan sektor perdagangan serta akomodasi dan makan minum",
                    "sebab_singkat": "sektor perdagangan melambat",
                },
                {
                    "sebab": "relokasi pabrik ke daerah dengan upah lebih rendah di Jawa Tengah",
                    "sebab_singkat": "relokasi pabrik",
                    "kw2": "relokasi pabrik",
                },
            ],
            "turun": [
                {
                    "sebab": "terbukanya lowongan di sektor jasa, perdagangan, dan akomodasi",
                    "sebab_singkat": "sektor jasa serap tenaga kerja",
                },
                {
                    "sebab": "penyelenggaraan job fair oleh Disnakertransgi DKI Jakarta di "
                    "sejumlah wilayah",
                    "sebab_singkat": "job fair",
                    "kw2": "job fair",
                },
                {
                    "sebab": "bertambahnya pekerja di sektor informal dan ekonomi digital",
                    "sebab_singkat": "sektor informal tumbuh",
                    "kw2": "pekerja informal",
                },
                {
                    "sebab": "program pelatihan berbasis kompetensi di Pusat Pelatihan Kerja "
                    "Daerah (PPKD)",
                    "sebab_singkat": "pelatihan PPKD",
                    "kw2": "pelatihan kerja",
                },
                {
                    "sebab": "rekrutmen pekerja musiman menjelang {momen}",
                    "sebab_singkat": "rekrutmen musiman",
                    "when": ("lebaran", "nataru"),
                },
            ],
            "stabil": [
                {
                    "sebab": "seimbangnya penciptaan lapangan kerja dengan pertambahan "
                    "angkatan kerja",
                    "sebab_singkat": "pasar kerja seimbang",
                },
            ],
        },
    },
    "nums": {
        "tpt": (6.0, 8.0, 2),
        "tpt_delta": (0.10, 0.90, 2),
        "penganggur": (310, 400, 2),
        "phk": (450, 5200, 0, 10),
        "loker": (1500, 9000, 0, 50),
        "perusahaan": (25, 90, 0),
        "informal": (33.0, 38.0, 2),
    },
    "aktor": [
        "Kepala Disnakertransgi DKI Jakarta",
        "Kepala BPS Provinsi DKI Jakarta",
        "Ketua DPD Konfederasi Serikat Pekerja Indonesia DKI Jakarta",
        "Ketua Apindo DKI Jakarta",
    ],
    "titles": {
        "naik": [
            "TPT Jakarta Naik Jadi {tpt} Persen, {sebab_singkat_t} Jadi Pemicu",
            "Disnakertransgi DKI Catat {phk} Pekerja Terkena PHK pada {bulan} {tahun}",
            "{sebab_singkat_t}, Ribuan Pekerja di {tempat_t} Kehilangan Pekerjaan",
            "Pengangguran di Jakarta Bertambah pada {bulan} {tahun}, {sebab_singkat_t} Disorot",
            "Angka Pengangguran Jakarta Naik {tpt_delta} Poin, Capai {penganggur} Ribu Orang",
        ],
        "turun": [
            "TPT Jakarta Turun ke {tpt} Persen, {sebab_singkat_t} Jadi Penopang",
            "Job Fair di {tempat_t} Tawarkan {loker} Lowongan Kerja pada {bulan} {tahun}",
            "Pengangguran Terbuka Jakarta Turun {tpt_delta} Poin Berkat {sebab_singkat_t}",
            "{sebab_singkat_t}, Jumlah Penganggur Jakarta Turun Jadi {penganggur} Ribu Orang",
        ],
        "stabil": [
            "TPT Jakarta Bertahan di {tpt} Persen pada {bulan} {tahun}",
        ],
    },
    "leads": {
        "*": [
            "{bps} mencatat Tingkat Pengangguran Terbuka (TPT) Jakarta sebesar {tpt} persen, "
            "{arah} {tpt_delta} persen poin dibanding periode yang sama tahun sebelumnya.",
            "Jumlah penganggur di Jakarta tercatat sekitar {penganggur} ribu orang dengan TPT "
            "{tpt} persen, sementara pekerja informal mencapai {informal} persen.",
        ],
        "naik": [
            "Dinas Tenaga Kerja, Transmigrasi dan Energi (Disnakertransgi) DKI Jakarta mencatat "
            "{phk} pekerja terkena pemutusan hubungan kerja (PHK) hingga {bulan} {tahun}.",
        ],
        "turun": [
            "Bursa kerja yang digelar di {tempat} pada {bulan} {tahun} menawarkan {loker} "
            "lowongan dari {perusahaan} perusahaan.",
        ],
    },
    "causes": [
        "{aktor} menyebut kondisi tersebut dipengaruhi oleh {sebab}.",
        "Menurut {aktor}, {sebab} menjadi faktor utama perubahan kondisi pasar kerja di "
        "Jakarta.",
        "Pekerja dan pengusaha di {tempat} menilai {sebab} berdampak langsung pada "
        "penyerapan tenaga kerja di wilayah tersebut.",
    ],
    "extras": [
        "Sektor perdagangan, akomodasi dan makan minum, serta industri pengolahan masih "
        "menjadi penyerap tenaga kerja terbesar di Jakarta.",
        "Penganggur berpendidikan SMK tercatat paling banyak dibanding jenjang pendidikan "
        "lainnya.",
    ],
    "closings": {
        "naik": [
            "{aktor2} meminta pemerintah memperluas program pelatihan ulang dan jaminan "
            "kehilangan pekerjaan bagi pekerja terdampak.",
            "Pemprov DKI Jakarta menyiapkan bursa kerja dan pelatihan di PPKD untuk membantu "
            "pekerja yang terkena PHK.",
        ],
        "turun": [
            "{aktor2} berharap tren positif ini berlanjut seiring masuknya investasi baru di "
            "sektor jasa dan ekonomi digital.",
            "Disnakertransgi DKI Jakarta berencana menggelar bursa kerja serupa di {tempat2} "
            "pada bulan berikutnya.",
        ],
        "stabil": [
            "{aktor2} menilai kualitas pekerjaan, terutama porsi pekerja informal, masih perlu "
            "mendapat perhatian.",
        ],
    },
    "topik": ["kondisi ketenagakerjaan", "penyerapan tenaga kerja dan PHK"],
    "peserta": [
        "pengusaha dan serikat pekerja",
        "pengelola kawasan industri dan perwakilan pekerja",
        "pelaku UMKM dan pencari kerja",
    ],
    "narasumber": [
        "pengurus serikat pekerja",
        "manajer personalia sebuah pabrik",
        "pengelola kawasan",
        "petugas Suku Dinas Tenaga Kerja",
    ],
}
