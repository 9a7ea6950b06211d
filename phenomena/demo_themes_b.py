
THEMES["Statistik Makroekonomi"] = {
    "weight": 7,
    "kab": True,
    "place": "kawasan",
    "scopes": {"dki": 75, "nasional": 20, "global": 5},
    "dirs": {"naik": 55, "turun": 40, "stabil": 5},
    "indicators": [(_PE, 1.0)],
    "press": ["jakarta.bps.go.id", "bi.go.id", "bps.go.id"],
    "keywords": [
        "pertumbuhan ekonomi",
        "pdrb",
        "konsumsi rumah tangga",
        "daya beli",
        "investasi",
        "ekonomi jakarta",
        "kelas menengah",
    ],
    "slots": {
        "sbb": {
            "naik": [
                {
                    "sebab": "konsumsi rumah tangga yang tetap kuat",
                    "sebab_singkat": "konsumsi rumah tangga",
                    "kw2": "konsumsi rumah tangga",
                },
                {
                    "sebab": "meningkatnya realisasi belanja pemerintah daerah",
                    "sebab_singkat": "belanja pemerintah",
                    "kw2": "belanja pemerintah",
                },
                {
                    "sebab": "tumbuhnya sektor informasi dan komunikasi serta jasa keuangan",
                    "sebab_singkat": "sektor infokom dan keuangan",
                },
                {
                    "sebab": "pulihnya kinerja sektor akomodasi dan makan minum",
                    "sebab_singkat": "sektor akomodasi",
                },
                {
                    "sebab": "meningkatnya investasi bangunan dan proyek infrastruktur",
                    "sebab_singkat": "investasi bangunan",
                    "kw2": "investasi",
                },
                {
                    "sebab": "belanja masyarakat selama {momen}",
                    "sebab_singkat": "belanja Ramadan dan Lebaran",
                    "when": "lebaran",
                },
            ],
            "turun": [
                {
                    "sebab": "melambatnya konsumsi rumah tangga kelas menengah",
                    "sebab_singkat": "konsumsi kelas menengah",
                    "kw2": "kelas menengah",
                },
                {
                    "sebab": "terkontraksinya belanja pemerintah akibat efisiensi anggaran",
                    "sebab_singkat": "efisiensi anggaran",
                    "kw2": "efisiensi anggaran",
                    "when": "efisiensi",
                },
                {
                    "sebab": "lesunya sektor perdagangan besar dan eceran",
                    "sebab_singkat": "lesunya perdagangan",
                },
                {
                    "sebab": "tertahannya investasi swasta di tengah ketidakpastian global",
                    "sebab_singkat": "investasi tertahan",
                    "kw2": "investasi",
                },
                {
                    "sebab": "melemahnya ekspor jasa dan perdagangan antarwilayah",
                    "sebab_singkat": "ekspor jasa melemah",
                },
            ],
            "stabil": [
                {
                    "sebab": "konsumsi rumah tangga yang stabil di tengah inflasi terkendali",
                    "sebab_singkat": "konsumsi stabil",
                },
            ],
        },
        "sektor*2": [
            "perdagangan besar dan eceran",
            "informasi dan komunikasi",
            "jasa keuangan dan asuransi",
            "konstruksi",
            "industri pengolahan",
            "transportasi dan pergudangan",
            "jasa perusahaan",
        ],
    },
    "nums": {
        "pdrb": (4.40, 5.40, 2),
        "qtq": (0.20, 2.10, 2),
        "kontribusi": (16.5, 17.4, 2),
        "konsumsi": (4.20, 5.30, 2),
        "sektor_tumbuh": (5.5, 9.5, 2),
    },
    "aktor": [
        "Kepala BPS Provinsi DKI Jakarta",
        "Kepala Perwakilan Bank Indonesia Provinsi DKI Jakarta",
        "ekonom Universitas Indonesia",
        "ekonom INDEF",
        "Kepala Bappeda DKI Jakarta",
    ],
    "titles": {
        "naik": [
            "Ekonomi Jakarta Triwulan {triwulan} {tahun} Tumbuh {pdrb} Persen, Ditopang "
            "{sebab_singkat_t}",
            "BPS: Pertumbuhan Ekonomi {wil_s_t} Triwulan {triwulan} {tahun} Capai {pdrb} Persen",
            "{sebab_singkat_t} Dorong Ekonomi Jakarta Tumbuh {pdrb} Persen pada Triwulan "
            "{triwulan}",
            "Sektor {sektor_t} Jadi Motor Ekonomi Jakarta Triwulan {triwulan} {tahun}",
        ],
        "turun": [
            "Ekonomi Jakarta Melambat ke {pdrb} Persen pada Triwulan {triwulan} {tahun}",
            "{sebab_singkat_t} Tahan Laju Ekonomi Jakarta Triwulan {triwulan} {tahun}",
            "Ekonom: {sebab_singkat_t} Bayangi Pertumbuhan Ekonomi Jakarta Triwulan {triwulan} "
            "{tahun}",
            "Pertumbuhan Ekonomi {wil_s_t} Triwulan {triwulan} {tahun} Melambat Jadi {pdrb} "
            "Persen",
        ],
        "stabil": [
            "Ekonomi Jakarta Triwulan {triwulan} {tahun} Tumbuh Stabil di Level {pdrb} Persen",
        ],
        "*": [
            "Kontribusi Jakarta terhadap PDB Nasional Capai {kontribusi} Persen pada Triwulan "
            "{triwulan} {tahun}",
        ],
    },
    "leads": {
        "*": [
            "{bps} mencatat ekonomi {wil_s} pada triwulan {triwulan} {tahun} tumbuh {pdrb} "
            "persen (yoy) dan {qtq} persen dibanding triwulan sebelumnya (qtq).",
            "Perekonomian Jakarta pada triwulan {triwulan} {tahun} tumbuh {pdrb} persen (yoy), "
            "dengan kontribusi terhadap PDB nasional sebesar {kontribusi} persen.",
        ],
        "naik": [
            "Pertumbuhan ekonomi Jakarta triwulan {triwulan} {tahun} yang mencapai {pdrb} "
            "persen ditopang oleh sektor {sektor} yang tumbuh {sektor_tumbuh} persen.",
        ],
        "turun": [
            "Laju pertumbuhan ekonomi Jakarta pada triwulan {triwulan} {tahun} melambat menjadi "
            "{pdrb} persen (yoy), lebih rendah dibanding triwulan sebelumnya.",
        ],
    },
    "causes": {
        "naik": [
            "Menurut {aktor}, capaian tersebut terutama didorong oleh {sebab}.",
            "{aktor} menilai {sebab} menjadi penopang utama pertumbuhan pada periode ini.",
        ],
        "turun": [
            "Menurut {aktor}, perlambatan tersebut dipengaruhi oleh {sebab}.",
            "{aktor} menilai {sebab} menahan laju pertumbuhan ekonomi Jakarta.",
        ],
        "stabil": ["Menurut {aktor}, stabilnya pertumbuhan ditopang oleh {sebab}."],
    },
    "extras": [
        "Dari sisi pengeluaran, konsumsi rumah tangga masih menjadi komponen terbesar dengan "
        "pertumbuhan {konsumsi} persen.",
        "Dari sisi lapangan usaha, sektor {sektor} dan {sektor2} memberi sumbangan terbesar "
        "terhadap pertumbuhan.",
    ],
    "closings": [
        "{aktor2} memperkirakan ekonomi Jakarta sepanjang {tahun} tetap tumbuh di kisaran "
        "4,8 hingga 5,2 persen.",
        "Pemprov DKI Jakarta menyatakan akan mempercepat realisasi belanja modal untuk "
        "menjaga momentum pertumbuhan.",
        "{aktor2} mengingatkan perlunya menjaga daya beli kelas menengah agar konsumsi "
        "rumah tangga tidak melemah.",
    ],
    "topik": ["aktivitas ekonomi dan usaha", "kondisi usaha di sektor {sektor}"],
    "peserta": [
        "pelaku usaha dan asosiasi pengusaha",
        "pengelola kawasan usaha dan pelaku UMKM",
    ],
    "narasumber": ["pengelola kawasan usaha", "pengurus Kadin setempat", "pelaku usaha"],
}

THEMES["Transportasi"] = {
    "weight": 7,
    "kab": True,
    "kab_weights": {"3101": 2, "3171": 2, "3172": 2, "3173": 3, "3174": 1, "3175": 2},
    "place": "kawasan",
    "scopes": {"dki": 70, "bodetabek": 25, "nasional": 5},
    "dirs": {"naik": 65, "turun": 30, "stabil": 5},
    "indicators": [(_PE, 0.35), (_PAR, 0.15)],
    "press": ["jakarta.bps.go.id", "jakarta.go.id"],
    "keywords": [
        "transportasi",
        "angkutan umum",
        "penumpang",
        "mobilitas",
        "kemacetan",
        "transportasi publik",
    ],
    "slots": {
        "moda": [
            {
                "moda": "KRL Commuter Line Jabodetabek",
                "kw1": "krl",
                "penumpang": (25.0, 33.0, 1),
                "satuan_p": "juta",
            },
            {
                "moda": "Transjakarta",
                "kw1": "transjakarta",
                "penumpang": (28.0, 38.0, 1),
                "satuan_p": "juta",
            },
            {
                "moda": "MRT Jakarta",
                "kw1": "mrt",
                "penumpang": (2.9, 4.3, 2),
                "satuan_p": "juta",
            },
            {
                "moda": "LRT Jabodebek",
                "kw1": "lrt",
                "penumpang": (1.7, 2.7, 2),
                "satuan_p": "juta",
            },
            {
                "moda": "penerbangan domestik Bandara Soekarno-Hatta",
                "kw1": "angkutan udara",
                "penumpang": (1.05, 1.65, 2),
                "satuan_p": "juta",
            },
            {
                "moda": "kapal penumpang Pelabuhan Tanjung Priok",
                "kw1": "angkutan laut",
                "penumpang": (35, 95, 1),
                "satuan_p": "ribu",
            },
        ],
        "sbb": {
            "naik": [
                {"sebab": "arus mudik dan balik {momen}", "when": "lebaran"},
                {"sebab": "libur panjang {momen}", "when": ("nataru", "libur_sekolah")},
                {"sebab": "penambahan rute dan jam operasional layanan"},
                {"sebab": "penerapan tarif integrasi antarmoda yang lebih murah"},
                {"sebab": "beralihnya pengguna kendaraan pribadi akibat kemacetan dan ganjil-genap"},
                {"sebab": "penyelenggaraan {momen} yang menarik banyak pengunjung",
                 "when": ("jakarta_fair", "hut_jakarta")},
            ],
            "turun": [
                {"sebab": "berakhirnya periode {momen}", "when": ("pasca_lebaran", "pasca_nataru")},
                {"sebab": "gangguan operasional dan perawatan prasarana di sejumlah lintasan"},
                {"sebab": "genangan dan banjir yang mengganggu perjalanan",
                 "when": "musim_hujan"},
                {"sebab": "berkurangnya hari kerja efektif akibat libur nasional dan cuti bersama"},
                {"sebab": "berkurangnya perjalanan dinas akibat efisiensi anggaran",
                 "when": "efisiensi"},
            ],
            "stabil": [{"sebab": "pola perjalanan komuter yang relatif tetap"}],
        },
    },
    "nums": {"pct": (1.5, 18.0, 2), "harian": (0.9, 1.4, 2)},
    "aktor": [
        "Kepala Dinas Perhubungan DKI Jakarta",
        "Direktur Utama PT Transportasi Jakarta",
        "VP Corporate Secretary KAI Commuter",
        "Direktur Utama PT MRT Jakarta",
        "pengamat transportasi Universitas Indonesia",
    ],
    "titles": {
        "naik": [
            "Penumpang {moda_t} pada {bulan} {tahun} Capai {penumpang} {satuan_p} Orang",
            "Jumlah Penumpang {moda_t} Naik {pct} Persen pada {bulan} {tahun}",
            "Pengguna {moda_t} Melonjak {pct} Persen Selama {bulan} {tahun}",
            "Mobilitas Warga Meningkat, Penumpang {moda_t} Tembus {penumpang} {satuan_p}",
        ],
        "turun": [
            "Penumpang {moda_t} Turun {pct} Persen pada {bulan} {tahun}",
            "Jumlah Pengguna {moda_t} {bulan} {tahun} Turun Jadi {penumpang} {satuan_p} Orang",
            "Mobilitas Menurun, Penumpang {moda_t} Berkurang pada {bulan} {tahun}",
        ],
        "stabil": [
            "Penumpang {moda_t} {bulan} {tahun} Stabil di Kisaran {penumpang} {satuan_p} Orang",
        ],
    },
    "leads": [
        "Jumlah penumpang {moda} pada {bulan} {tahun} tercatat {penumpang} {satuan_p} orang, "
        "{arah} {pct} persen dibanding {bulan_lalu}.",
        "{bps} mencatat jumlah penumpang {moda} selama {bulan} {tahun} mencapai {penumpang} "
        "{satuan_p} orang, {meningkat} {pct} persen secara bulanan.",
    ],
    "causes": [
        "Menurut {aktor}, pergerakan jumlah penumpang dipengaruhi oleh {sebab}.",
        "{aktor} menyebut {sebab} menjadi faktor utama perubahan jumlah penumpang pada bulan "
        "tersebut.",
        "Petugas di {tempat} mencatat {sebab} berpengaruh terhadap kepadatan penumpang di "
        "simpul transportasi tersebut.",
    ],
    "extras": [
        "Rata-rata pengguna angkutan umum massal di Jakarta kini mencapai sekitar {harian} "
        "juta orang per hari.",
        "Kepadatan tertinggi terjadi pada jam berangkat dan pulang kerja, terutama di "
        "stasiun dan halte transit.",
    ],
    "closings": [
        "Dinas Perhubungan DKI Jakarta berencana menambah armada dan memperpanjang jam "
        "layanan di koridor padat.",
        "Pemprov DKI Jakarta menargetkan porsi penggunaan angkutan umum terus meningkat "
        "seiring integrasi layanan Jaklingko.",
        "{aktor2} menilai integrasi tarif dan jaringan menjadi kunci menjaga minat warga "
        "menggunakan transportasi publik.",
    ],
    "topik": ["mobilitas penumpang angkutan umum", "kepadatan penumpang {moda}"],
    "peserta": [
        "pengelola terminal dan operator angkutan",
        "perwakilan operator transportasi dan warga",
    ],
    "narasumber": [
        "kepala terminal",
        "petugas operasional stasiun",
        "koordinator operator angkutan",
    ],
}

THEMES["Ekspor-Impor"] = {
    "weight": 6,
    "kab": True,
    "kab_weights": {"3101": 1, "3171": 1, "3172": 3, "3173": 1, "3174": 2, "3175": 6},
    "place": "kawasan",
    "scopes": {"dki": 65, "nasional": 20, "global": 15},
    "dirs": {"naik": 55, "turun": 45},
    "indicators": [(_EKSIM, 1.0), (_PE, 0.15)],
    "press": ["jakarta.bps.go.id", "bps.go.id"],
    "keywords": [
        "ekspor",
        "impor",
        "neraca perdagangan",
        "tanjung priok",
        "nilai tukar",
        "perdagangan internasional",
    ],
    "slots": {
        "kom": [
            {"komoditas": "perhiasan dan permata", "kw1": "perhiasan", "tujuan": "Swiss"},
            {"komoditas": "kendaraan dan bagiannya", "kw1": "otomotif", "tujuan": "Filipina"},
            {"komoditas": "ikan dan udang", "kw1": "produk perikanan", "tujuan": "Jepang"},
            {
                "komoditas": "mesin dan perlengkapan elektrik",
                "kw1": "elektronik",
                "tujuan": "Singapura",
            },
            {"komoditas": "alas kaki", "kw1": "alas kaki", "tujuan": "Amerika Serikat"},
            {"komoditas": "pakaian jadi", "kw1": "tekstil", "tujuan": "Amerika Serikat"},
            {
                "komoditas": "bahan kimia organik",
                "kw1": "bahan kimia",
                "tujuan": "Tiongkok",
            },
        ],
        "sbb": {
            "naik": [
                {"sebab": "meningkatnya permintaan dari negara mitra dagang utama"},
                {"sebab": "melemahnya nilai tukar rupiah yang membuat produk lebih kompetitif"},
                {"sebab": "percepatan pengiriman sebelum berlakunya tarif impor baru Amerika "
                 "Serikat", "when": "efisiensi"},
                {"sebab": "naiknya harga komoditas di pasar internasional"},
                {"sebab": "lonjakan pesanan menjelang {momen} di negara tujuan",
                 "when": "akhir_tahun"},
            ],
            "turun": [
                {"sebab": "melemahnya permintaan global, terutama dari Tiongkok dan Eropa"},
                {"sebab": "turunnya harga komoditas di pasar internasional"},
                {"sebab": "ketidakpastian kebijakan tarif perdagangan Amerika Serikat"},
                {"sebab": "berkurangnya hari kerja akibat libur {momen}",
                 "when": ("lebaran", "pasca_lebaran")},
                {"sebab": "gangguan rantai pasok dan naiknya biaya pengapalan"},
            ],
        },
    },
    "nums": {
        "ekspor": (0.95, 1.45, 2),
        "impor": (6.8, 9.6, 2),
        "pct": (1.2, 16.0, 2),
        "pangsa": (12.0, 31.0, 2),
    },
    "aktor": [
        "Kepala BPS Provinsi DKI Jakarta",
        "Ketua Gabungan Pengusaha Ekspor Indonesia (GPEI) DKI Jakarta",
        "ekonom Bank Permata",
        "Kepala Dinas PPKUKM DKI Jakarta",
    ],
    "titles": {
        "naik": [
            "Ekspor Jakarta {bulan} {tahun} Naik {pct} Persen Jadi US${ekspor} Miliar",
            "Ekspor {komoditas_t} Dorong Kinerja Ekspor Jakarta {bulan} {tahun}",
            "Nilai Ekspor DKI Jakarta {bulan} {tahun} Capai US${ekspor} Miliar, {komoditas_t} "
            "Terbesar",
            "Pengiriman {komoditas_t} ke {tujuan_t} Melonjak pada {bulan} {tahun}",
        ],
        "turun": [
            "Ekspor Jakarta {bulan} {tahun} Turun {pct} Persen Jadi US${ekspor} Miliar",
            "Permintaan Global Melemah, Ekspor {komoditas_t} dari Jakarta Turun pada {bulan}",
            "Impor Melalui Jakarta {bulan} {tahun} Turun {pct} Persen Jadi US${impor} Miliar",
            "Ekspor {komoditas_t} ke {tujuan_t} Merosot pada {bulan} {tahun}",
        ],
    },
    "leads": [
        "{bps} mencatat nilai ekspor Jakarta pada {bulan} {tahun} sebesar US${ekspor} miliar, "
        "{arah} {pct} persen dibanding {bulan_lalu}.",
        "Nilai impor melalui pelabuhan di Jakarta pada {bulan} {tahun} tercatat US${impor} "
        "miliar, sementara ekspor mencapai US${ekspor} miliar.",
        "Komoditas {komoditas} menyumbang {pangsa} persen dari total ekspor Jakarta pada "
        "{bulan} {tahun}, dengan tujuan utama {tujuan}.",
    ],
    "causes": [
        "Menurut {aktor}, perubahan kinerja ekspor dipengaruhi oleh {sebab}.",
        "{aktor} menyebut {sebab} menjadi faktor utama pergerakan nilai perdagangan "
        "Jakarta.",
        "Pelaku usaha di {tempat} menilai {sebab} berdampak langsung pada volume "
        "pengiriman barang.",
    ],
    "extras": [
        "Ekspor {komoditas} ke {tujuan} menjadi salah satu penentu pergerakan nilai ekspor "
        "pada bulan tersebut.",
        "Impor bahan baku dan barang modal masih mendominasi arus barang yang masuk melalui "
        "Pelabuhan Tanjung Priok.",
    ],
    "closings": [
        "{aktor2} mendorong eksportir memperluas pasar ke negara nontradisional di Timur "
        "Tengah dan Afrika.",
        "Pemerintah diharapkan memperkuat fasilitasi ekspor bagi UMKM agar kinerja "
        "perdagangan Jakarta lebih stabil.",
        "{aktor2} memperkirakan kinerja ekspor masih akan dipengaruhi dinamika harga "
        "komoditas dan kebijakan dagang negara mitra.",
    ],
    "topik": ["arus barang ekspor dan impor", "pengiriman {komoditas}"],
    "peserta": ["eksportir dan pengusaha logistik", "pengelola pelabuhan dan forwarder"],
    "narasumber": ["pengusaha logistik", "eksportir {komoditas}", "pengelola gudang"],
}

THEMES["Konsumsi dan Pendapatan"] = {
    "weight": 6,
    "kab": True,
    "place": "pasar",
    "scopes": {"dki": 80, "nasional": 15, "bodetabek": 5},
    "dirs": {"naik": 45, "turun": 50, "stabil": 5},
    "indicators": [(_MISKIN, 0.6), (_PE, 0.2)],
    "keywords": [
        "daya beli",
        "konsumsi rumah tangga",
        "kelas menengah",
        "pendapatan",
        "garis kemiskinan",
        "belanja masyarakat",
        "ump",
    ],
    "slots": {
        "sbb": {
            "naik": [
                {"sebab": "meningkatnya belanja masyarakat menjelang {momen}",
                 "sebab_singkat": "belanja {momen}", "when": ("lebaran", "nataru")},
                {"sebab": "pencairan tunjangan hari raya (THR) bagi pekerja",
                 "sebab_singkat": "pencairan THR", "kw2": "thr", "when": "lebaran"},
                {"sebab": "kenaikan upah minimum provinsi yang mulai berlaku awal tahun",
                 "sebab_singkat": "kenaikan UMP", "kw2": "ump", "when": "awal_tahun"},
                {"sebab": "pemberian diskon besar-besaran dalam program Jakarta Great Sale",
                 "sebab_singkat": "Jakarta Great Sale", "when": "hut_jakarta"},
                {"sebab": "meningkatnya penjualan daring melalui platform e-commerce",
                 "sebab_singkat": "belanja daring", "kw2": "e-commerce"},
            ],
            "turun": [
                {"sebab": "melemahnya daya beli kelas menengah",
                 "sebab_singkat": "daya beli melemah", "kw2": "kelas menengah"},
                {"sebab": "beralihnya konsumen ke belanja daring",
                 "sebab_singkat": "konsumen beralih ke daring", "kw2": "e-commerce"},
                {"sebab": "meningkatnya kebutuhan biaya sekolah pada {momen}",
                 "sebab_singkat": "biaya sekolah", "when": "ajaran_baru"},
                {"sebab": "kecenderungan masyarakat menahan belanja dan menambah tabungan",
                 "sebab_singkat": "warga tahan belanja", "kw2": "tabungan"},
                {"sebab": "maraknya pinjaman daring dan judi online yang menggerus pendapatan",
                 "sebab_singkat": "jerat pinjol", "kw2": "pinjol"},
            ],
            "stabil": [{"sebab": "terjaganya inflasi dan pendapatan riil masyarakat",
                        "sebab_singkat": "inflasi terjaga"}],
        },
    },
    "nums": {
        "ikk": (112.0, 132.0, 1),
        "ipr": (1.5, 9.5, 2),
        "gk": (815000, 880000, 0, 1),
        "omzet": (15, 45, 0),
        "konsumsi": (4.2, 5.3, 2),
    },
    "aktor": [
        "Ketua Aprindo DKI Jakarta",
        "Kepala Perwakilan Bank Indonesia Provinsi DKI Jakarta",
        "ekonom CORE Indonesia",
        "Ketua Himpunan Peritel dan Penyewa Pusat Perbelanjaan Indonesia (Hippindo)",
        "Kepala BPS Provinsi DKI Jakarta",
    ],
    "titles": {
        "naik": [
            "{sebab_singkat_t} Dongkrak Omzet Pedagang {tempat_t} hingga {omzet} Persen",
            "Indeks Keyakinan Konsumen Jakarta {bulan} {tahun} Naik ke Level {ikk}",
            "Belanja Warga Jakarta Meningkat pada {bulan} {tahun}, {sebab_singkat_t} Jadi "
            "Pemicu",
            "Penjualan Eceran di Jakarta {bulan} {tahun} Tumbuh {ipr} Persen",
        ],
        "turun": [
            "Daya Beli Warga Melemah, Pedagang {tempat_t} Keluhkan Omzet Turun {omzet} Persen",
            "Indeks Keyakinan Konsumen Jakarta {bulan} {tahun} Turun ke Level {ikk}",
            "{sebab_singkat_t}, Penjualan Eceran di Jakarta Turun {ipr} Persen pada {bulan}",
            "Kelas Menengah Jakarta Tahan Belanja pada {bulan} {tahun}, Ritel Lesu",
        ],
        "stabil": ["Keyakinan Konsumen Jakarta {bulan} {tahun} Stabil di Level {ikk}"],
        "*": ["Garis Kemiskinan Jakarta Jadi Rp{gk} per Kapita per Bulan, {sebab_singkat_t}"],
    },
    "leads": [
        "Survei Konsumen Bank Indonesia mencatat Indeks Keyakinan Konsumen (IKK) Jakarta pada "
        "{bulan} {tahun} berada di level {ikk}, {meningkat} dibanding {bulan_lalu}.",
        "Pedagang di {tempat} mengaku omzet pada {bulan} {tahun} {arah} sekitar {omzet} "
        "persen dibanding bulan sebelumnya.",
        "Garis kemiskinan Jakarta tercatat sebesar Rp{gk} per kapita per bulan, tertinggi "
        "di antara provinsi lain di Indonesia.",
    ],
    "causes": [
        "Menurut {aktor}, kondisi tersebut dipengaruhi oleh {sebab}.",
        "{aktor} menilai {sebab} menjadi faktor utama perubahan pola belanja warga Jakarta.",
        "Pengelola {tempat} menyebut {sebab} terlihat dari jumlah pengunjung dan transaksi "
        "harian.",
    ],
    "extras": [
        "Porsi pengeluaran untuk makanan jadi dan minuman terus meningkat dalam struktur "
        "konsumsi rumah tangga Jakarta.",
        "Konsumsi rumah tangga Jakarta tumbuh {konsumsi} persen dan masih menjadi penopang "
        "utama perekonomian.",
    ],
    "closings": [
        "{aktor2} meminta pemerintah menjaga stabilitas harga agar daya beli masyarakat "
        "tidak semakin tertekan.",
        "Pemprov DKI Jakarta menyiapkan program belanja dan diskon untuk mendorong "
        "konsumsi di pusat perbelanjaan dan pasar rakyat.",
        "{aktor2} memperkirakan pola belanja masyarakat akan kembali normal pada {bulan_depan}.",
    ],
    "topik": ["pola belanja dan pendapatan warga", "omzet pedagang dan daya beli"],
    "peserta": ["pedagang dan pengelola pasar", "pelaku UMKM dan tokoh masyarakat"],
    "narasumber": ["pedagang pakaian", "pengelola pasar", "pemilik warung sembako"],
}

THEMES["Perlindungan Sosial"] = {
    "weight": 5,
    "kab": True,
    "place": "kecamatan",
    "scopes": {"dki": 85, "nasional": 15},
    "dirs": {"turun": 60, "naik": 35, "stabil": 5},
    "indicators": [(_MISKIN, 0.85)],
    "press": ["jakarta.go.id", "jakarta.bps.go.id"],
    "keywords": [
        "kemiskinan",
        "bansos",
        "perlindungan sosial",
        "penduduk miskin",
        "dtsen",
        "kartu lansia jakarta",
        "pkh",
    ],
    "slots": {
        "prog": [
            {"program": "Kartu Lansia Jakarta (KLJ)", "kw1": "kartu lansia jakarta"},
            {"program": "Kartu Penyandang Disabilitas Jakarta (KPDJ)", "kw1": "kpdj"},
            {"program": "Kartu Anak Jakarta (KAJ)", "kw1": "kartu anak jakarta"},
            {"program": "Program Keluarga Harapan (PKH)", "kw1": "pkh"},
            {"program": "Bantuan Pangan Non Tunai (BPNT)", "kw1": "bpnt"},
            {"program": "bantuan pangan beras 10 kilogram", "kw1": "bantuan pangan"},
        ],
        "sbb": {
            "turun": [
                {"sebab": "penyaluran bantuan sosial yang lebih tepat sasaran"},
                {"sebab": "terkendalinya inflasi pangan sehingga daya beli penduduk miskin "
                 "terjaga"},
                {"sebab": "meningkatnya pendapatan pekerja informal seiring pulihnya aktivitas "
                 "usaha"},
                {"sebab": "pemutakhiran data penerima bantuan dalam DTSEN"},
            ],
            "naik": [
                {"sebab": "kenaikan harga beras yang menggerus daya beli rumah tangga miskin"},
                {"sebab": "bertambahnya pekerja yang kehilangan pekerjaan akibat PHK"},
                {"sebab": "tertundanya penyaluran bantuan sosial akibat pemutakhiran data"},
                {"sebab": "naiknya biaya hidup, terutama sewa tempat tinggal dan transportasi"},
            ],
            "stabil": [{"sebab": "penyaluran bantuan sosial yang berjalan rutin"}],
        },
    },
    "nums": {
        "p0": (4.0, 4.7, 2),
        "miskin": (440, 485, 1),
        "penerima": (15000, 150000, 0, 100),
        "nominal": (300, 600, 0, 50),
    },
    "aktor": [
        "Kepala Dinas Sosial DKI Jakarta",
        "Kepala BPS Provinsi DKI Jakarta",
        "Wakil Ketua DPRD DKI Jakarta",
        "peneliti SMERU Research Institute",
    ],
    "titles": {
        "turun": [
            "Persentase Penduduk Miskin Jakarta Turun Jadi {p0} Persen",
            "Penduduk Miskin Jakarta Berkurang Jadi {miskin} Ribu Orang, Bansos Jadi Penopang",
            "Penyaluran {program_t} Tahap {bulan} {tahun} Sasar {penerima} Penerima",
        ],
        "naik": [
            "Jumlah Penduduk Miskin Jakarta Naik Jadi {miskin} Ribu Orang",
            "Persentase Penduduk Miskin Jakarta Naik ke {p0} Persen, Harga Pangan Disorot",
            "Penyaluran {program_t} di {tempat_t} Tertunda, Warga Mengeluh pada {bulan} {tahun}",
        ],
        "stabil": ["Angka Kemiskinan Jakarta Bertahan di {p0} Persen pada {bulan} {tahun}"],
        "*": [
            "Pemprov DKI Salurkan {program_t} kepada {penerima} Warga pada {bulan} {tahun}",
        ],
    },
    "leads": [
        "{bps} mencatat persentase penduduk miskin Jakarta sebesar {p0} persen atau sekitar "
        "{miskin} ribu orang, {arah} dibanding periode sebelumnya.",
        "Pemprov DKI Jakarta menyalurkan {program} kepada {penerima} penerima pada {bulan} "
        "{tahun} dengan nilai Rp{nominal} ribu per bulan.",
        "Dinas Sosial DKI Jakarta mencatat {penerima} keluarga di Jakarta menerima {program} "
        "pada periode {bulan} {tahun}.",
    ],
    "causes": [
        "Menurut {aktor}, perubahan angka kemiskinan dipengaruhi oleh {sebab}.",
        "{aktor} menyebut {sebab} menjadi faktor penting bagi kesejahteraan rumah tangga "
        "berpendapatan rendah.",
        "Warga di {tempat} menilai {sebab} berpengaruh langsung terhadap kebutuhan sehari-hari "
        "mereka.",
    ],
    "extras": [
        "Penduduk miskin Jakarta sebagian besar tinggal di permukiman padat di wilayah utara "
        "dan timur.",
        "Komoditas beras dan rokok kretek filter masih menjadi penyumbang terbesar garis "
        "kemiskinan Jakarta.",
    ],
    "closings": [
        "Dinas Sosial DKI Jakarta memastikan pemutakhiran data penerima bantuan dilakukan "
        "setiap bulan agar tepat sasaran.",
        "{aktor2} meminta bantuan sosial disertai program pemberdayaan agar keluarga penerima "
        "dapat mandiri.",
    ],
    "topik": ["penyaluran {program}", "kondisi rumah tangga miskin dan penerima bantuan"],
    "peserta": ["pendamping PKH dan pengurus RT/RW", "lurah dan pendamping sosial"],
    "narasumber": ["pendamping PKH", "ketua RW", "petugas Suku Dinas Sosial"],
}
