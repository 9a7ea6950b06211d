"""The user guide's first content, created at /bantuan/ by migration 0002 (admins edit it later
in Wagtail's page editor). Plain data: (anchor, heading, body HTML)."""

TITLE = "Bantuan SIMFONI"
INTRO = (
    "Panduan singkat mengisi dan memeriksa fenomena di SIMFONI. Tanda “?” di samping isian "
    "formulir fenomena membuka bagian yang sesuai di halaman ini."
)

SECTIONS = [
    (
        "memilih-sumber",
        "Memilih sumber",
        "<p>Setiap fenomena memerlukan paling sedikit satu sumber; sumber pertama adalah "
        "<b>sumber utama</b>. Pilih jenis sumber yang paling dekat dengan asal informasi:</p>"
        "<ul><li><b>Portal Berita Online</b> dan <b>Surat Kabar</b>: wajib menyebut medianya; "
        "portal berita juga wajib menyertakan tautan artikel.</li>"
        "<li><b>Siaran Pers</b>, <b>Siaran Berita Televisi atau Video YouTube</b> dan "
        "<b>Web Scraping</b>: wajib menyertakan tautan bukti.</li>"
        "<li><b>Focus Group Discussion</b> dan <b>Informasi Langsung dari Stakeholder</b>: "
        "catat tanggal kegiatan; tautan boleh kosong.</li></ul>"
        "<p>Operator kabupaten/kota hanya menginput FGD atau informasi langsung dari "
        "stakeholder tentang wilayahnya sendiri. Operator provinsi hanya menginput berita dari "
        "media yang dialokasikan ke satuan kerjanya. Tanggal sumber adalah tanggal terbit "
        "berita atau tanggal kegiatan, bukan tanggal Anda menginput.</p>",
    ),
    (
        "judul-narasi",
        "Menulis judul dan narasi",
        "<p>Judul adalah satu kalimat yang menyebut apa yang terjadi, di mana, dan arahnya, "
        "mis. <i>Harga cabai merah di Jakarta naik menjelang Natal</i>. Narasi menguraikan "
        "apa yang terjadi, angkanya (dengan satuan dan pembanding), penyebab, dan dampaknya. "
        "Tulis dengan kata-kata sendiri; jangan menyalin seluruh artikel.</p>",
    ),
    (
        "cakupan-wilayah",
        "Cakupan wilayah",
        "<p>Cakupan adalah wilayah yang dijelaskan fenomena, bukan lokasi media atau kantor "
        "Anda: Global/Internasional, Nasional, Provinsi DKI Jakarta, Bodetabek, Pulau Jawa "
        "(selain Jabodetabek), Luar Pulau Jawa, atau Kabupaten/Kota. Cakupan Kabupaten/Kota "
        "wajib disertai kabupaten/kotanya. Jika fenomena terjadi di beberapa kabupaten/kota "
        "di DKI Jakarta, pilih Provinsi DKI Jakarta.</p>",
    ),
    (
        "subjek-tema",
        "Subjek dan tema",
        "<p>Subjek dan tema mengikuti klasifikasi statistik BPS: Statistik Demografi dan "
        "Sosial, Statistik Ekonomi, serta Statistik Lingkungan Hidup dan Multi-Domain, "
        "masing-masing dengan temanya. Pilih subjek dahulu; daftar tema menyesuaikan. Pilih "
        "tema yang indikatornya paling terpengaruh oleh fenomena, mis. kenaikan harga pangan "
        "pada <i>Harga-harga (Inflasi)</i>, bukan pada <i>Pertanian</i>. Tema juga menentukan "
        "supervisor yang mereview fenomena provinsi.</p>",
    ),
    (
        "sumber-kredibel",
        "Sumber yang kredibel",
        "<p>Sumber yang kredibel menyebut siapa yang berbicara (instansi, pejabat, pelaku "
        "usaha), kapan, dan angkanya. Utamakan media yang terdaftar di Dewan Pers, siaran pers "
        "instansi resmi, dan data lembaga pemerintah. Hindari unggahan media sosial tanpa "
        "sumber, judul umpan klik, opini, dan berita yang hanya mengutip berita lain; jika "
        "menemukan berita kutipan, cari berita aslinya. Tautan bukti harus mengarah ke "
        "artikelnya sendiri (bukan halaman depan atau hasil pencarian) dan dapat dibuka tanpa "
        "login.</p>",
    ),
    (
        "alur-persetujuan",
        "Alur persetujuan",
        "<p>Fenomena yang disimpan menjadi <b>draf</b> milik Anda. Setelah lengkap, tekan "
        "<b>Ajukan</b>: fenomena diteruskan ke supervisor yang mereviewnya, yaitu supervisor "
        "kabupaten/kota Anda (untuk operator kabupaten/kota) atau supervisor provinsi yang "
        "dialokasikan ke temanya; jika tidak ada, supervisor subjeknya, lalu admin. "
        "Supervisor <b>menyetujui</b> (fenomena terbit dan dapat dicari semua pengguna) atau "
        "<b>menolak</b> dengan alasan; fenomena yang ditolak kembali kepada Anda untuk "
        "diperbaiki dan diajukan lagi. Tidak ada yang menyetujui fenomenanya sendiri tanpa "
        "alasan yang tercatat. Perubahan pada fenomena yang sudah disetujui juga direview; "
        "versi yang disetujui tetap tampil sampai perubahannya disetujui.</p>",
    ),
    (
        "duplikat",
        "Duplikat",
        "<p>Saat menyimpan, SIMFONI membandingkan fenomena Anda dengan yang sudah ada. "
        "Tautan bukti yang sudah tercatat <b>selalu ditolak</b>: tambahkan sumber Anda ke "
        "fenomena tersebut dengan tombol <b>Tambahkan sebagai sumber</b>. Fenomena yang "
        "<b>mirip</b> (judul dan narasi) ditampilkan di bagian Pemeriksaan duplikat; jika "
        "yakin berbeda (mis. periode atau wilayah lain), centang <b>Bukan duplikat</b>, tulis "
        "alasannya, lalu simpan lagi. Supervisor dan admin dapat menggabungkan dua fenomena "
        "yang ternyata sama.</p>",
    ),
    (
        "laporan-kesalahan",
        "Laporan kesalahan",
        "<p>Menemukan angka yang salah, tautan yang mati, klasifikasi yang keliru, atau "
        "sumber yang tidak kredibel pada fenomena yang sudah disetujui? Buka fenomenanya lalu "
        "tekan <b>Laporkan kesalahan</b>, pilih jenisnya, dan uraikan singkat apa yang salah. "
        "Laporan diteruskan ke supervisor yang mereview fenomena itu dan ke admin, yang "
        "memperbaikinya, membatalkan penerbitannya, atau menolak laporan dengan alasan. Anda "
        "diberi tahu hasilnya lewat notifikasi. Setiap minggu SIMFONI juga memeriksa tautan "
        "bukti dan melaporkan sendiri tautan yang mati.</p>",
    ),
    (
        "isian-tertunda",
        "Isian tertunda dan koneksi terputus",
        "<p>Isian formulir fenomena tidak hilang bila koneksi terputus, server tidak dapat "
        "dihubungi, atau sesi Anda berakhir. Selama Anda mengetik, SIMFONI menyimpan salinan "
        "isian di peramban ini. Jika saat menekan <b>Simpan draf</b> atau <b>Ajukan</b> server "
        "tidak menjawab, halaman tetap seperti semula dengan pesan bahwa isian belum terkirim; "
        "begitu server dapat dihubungi lagi (atau Anda masuk lagi di tab lain jika sesi "
        "berakhir), tekan <b>Kirim ulang</b>.</p>"
        "<p>Salinan yang belum terkirim juga tampil di menu <b>Isian tertunda</b>, juga setelah "
        "peramban ditutup: <b>Kirim ulang</b>, <b>Buka</b> untuk memeriksanya di formulir, atau "
        "<b>Buang</b>. Membuka lagi formulir yang sama menawarkan <b>Pulihkan</b>. Salinan "
        "dihapus hanya setelah server mengonfirmasi isian tersimpan; fenomena baru yang terkirim "
        "dua kali tetap tercatat sekali. Salinan hanya ada di peramban dan perangkat tempat Anda "
        "mengetik, terpisah per pengguna; jangan menghapus data peramban sebelum terkirim. "
        "Jika isian tertunda ternyata sudah diinput orang lain, pemeriksaan duplikat akan "
        "menolaknya; tambahkan sumber Anda ke fenomena yang sudah ada.</p>",
    ),
    (
        "kata-kunci",
        "Kata kunci",
        "<p>Kata kunci membantu pencarian dan dasbor. Tulis 2–5 kata kunci yang dipakai "
        "orang saat mencari, dipisahkan koma, mis. <i>cabai merah, inflasi, Natal</i>. Pakai "
        "bentuk baku dan huruf kecil, hindari singkatan yang tidak umum, dan jangan mengulang "
        "nama wilayah atau tema yang sudah dipilih.</p>",
    ),
    (
        "indikator",
        "Indikator dan arah",
        "<p>Kaitkan fenomena dengan indikator BPS yang dijelaskannya (mis. <i>Perkembangan "
        "IHK (Inflasi)</i>) dan arah pengaruhnya: <b>naik</b>, <b>turun</b>, atau "
        "<b>tetap</b>. Indikator menghubungkan fenomena dengan kalender rilis (ARC), sehingga "
        "fenomena dapat dipakai untuk menjelaskan angka saat rilis. Pilih hanya indikator "
        "yang memang dipengaruhi; paling banyak 10 indikator per fenomena.</p>",
    ),
]
