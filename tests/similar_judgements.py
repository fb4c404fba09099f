"""Pairs of shipped innovations judged by reading their records: related (a visitor reading
one would want to see the other under "Inovasi serupa") or unrelated, one reason each. Used by
`tests/test_similar.py` to measure the similarity on the shipped catalogue. Every pair is of
two regions (an innovation is never shown beside one of its own region)."""

from __future__ import annotations

RELATED: tuple[tuple[str, str, str], ...] = (
    (
        "jemput-bola-disdukcapil-landak",
        "jemput-bola-perekaman-ktp-el-melawi",
        "Disdukcapil officers travel to villages to record KTP-el",
    ),
    (
        "jemput-bola-disdukcapil-landak",
        "jebol-saplok-sanggau",
        "Disdukcapil officers bring civil registration to remote villages",
    ),
    (
        "jebol-saplok-sanggau",
        "jemput-bola-perekaman-ktp-el-melawi",
        "civil registration officers go to remote villages",
    ),
    (
        "lapiz-jempol-sanggau",
        "jemput-bola-disdukcapil-landak",
        "the same way of working: officers travel to remote villages to serve citizens",
    ),
    (
        "pelakat-sambas",
        "jebol-saplok-sanggau",
        "civil registration brought to citizens of remote areas",
    ),
    (
        "tanda-tangan-digital-pontianak",
        "tanda-tangan-elektronik-kecamatan-kapuas-hulu",
        "electronic signatures on government documents",
    ),
    (
        "kapuas-tata-naskah-dinas-elektronik-kalbar",
        "tanda-tangan-elektronik-kecamatan-kapuas-hulu",
        "paperless government correspondence and signing",
    ),
    (
        "kapuas-tata-naskah-dinas-elektronik-kalbar",
        "tanda-tangan-digital-pontianak",
        "paperless government letters",
    ),
    (
        "mal-pelayanan-publik-kayong-utara",
        "mpp-bumi-senentang-sintang",
        "both are public service malls",
    ),
    (
        "aplikasi-lapor-kapuas-hulu",
        "layanan-aduan-whatsapp-pontianak",
        "channels for citizens' complaints",
    ),
    (
        "aplikasi-lapor-kapuas-hulu",
        "gencil-pontive-centre-pontianak",
        "apps for citizens' complaints",
    ),
    (
        "pbb-bphtb-online-kubu-raya",
        "pembayaran-pbb-p2-online-bengkayang",
        "property tax (PBB) handled online",
    ),
    (
        "perizinan-online-dpmtk-ptsp-pontianak",
        "si-jempol-kepri",
        "business licences applied for online",
    ),
    (
        "lapiz-jempol-sanggau",
        "perizinan-online-dpmtk-ptsp-pontianak",
        "licences made easier to obtain",
    ),
    ("lapiz-jempol-sanggau", "si-jempol-kepri", "licences made easier to obtain"),
    (
        "ahir-pakta-sanggau",
        "si-pacak-pontianak",
        "births recorded so that children get a birth certificate",
    ),
    ("laporrama-sintang", "si-pacak-pontianak", "deaths reported for the civil register"),
    ("ahir-pakta-sanggau", "akasia-kalbar", "more citizens holding civil documents (akta)"),
    ("akasia-kalbar", "si-pacak-pontianak", "civil registration reaching every citizen"),
    (
        "digides-madang-permai-kapuas-hulu",
        "sakir-smart-village-ketapang",
        "village administration done digitally",
    ),
    ("cms-desa-kubu-raya", "sakir-smart-village-ketapang", "open village budgets (APBDes)"),
    ("cms-desa-kubu-raya", "pades-non-add-dd-sambas", "village finances (APBDes, Dana Desa)"),
    (
        "rsud-ssma-pelayanan-tanpa-kelas-pontianak",
        "rumah-sakitku-rumah-keduaku-rsud-soedarso",
        "care of patients in a regional hospital",
    ),
    (
        "rsud-ssma-pelayanan-tanpa-kelas-pontianak",
        "si-bina-cantik-bingits",
        "admitting and treating patients of a regional hospital",
    ),
    (
        "klinik-bumdesa-jatim",
        "bumdes-kematu-jaya-rawak-hilir-sekadau",
        "village-owned enterprises (BUMDes)",
    ),
    (
        "insanak-sejiram-sambas",
        "bumdes-kematu-jaya-rawak-hilir-sekadau",
        "village-owned enterprises serving villages",
    ),
    ("ekosistem-data-jabar", "webgis-kepong-bakol-kubu-raya", "one-data and map portals"),
    (
        "sidompu-sanggau",
        "webgis-kepong-bakol-kubu-raya",
        "household data so that programmes reach the right people",
    ),
    ("klik-pontianak", "sentra-inovasi-daerah-sintang", "coaching agencies to innovate"),
    (
        "menyeting-gigi-emas-pangandaran",
        "salju-terpadu-kubu-raya",
        "stunting prevention and mothers' health",
    ),
    ("peci-haji-pontianak", "seledri-kubu-raya", "civil documents finished within a day"),
    ("e-open-kota-bekasi", "seledri-kubu-raya", "faster civil registration services"),
    ("e-open-kota-bekasi", "pelakat-sambas", "civil registration services online"),
    (
        "ahir-pakta-sanggau",
        "jemput-bola-disdukcapil-landak",
        "Dukcapil bringing birth certificates (akta) to citizens",
    ),
    ("akasia-kalbar", "sapa-sanggau", "civil registration documents (KTP, KK, akta) for all"),
    (
        "cms-desa-kubu-raya",
        "digides-madang-permai-kapuas-hulu",
        "a village government's work done digitally",
    ),
    ("e-open-kota-bekasi", "jebol-saplok-sanggau", "civil registration made easier to reach"),
    ("e-open-kota-bekasi", "sapa-sanggau", "civil registration documents (KTP, KK, akta)"),
    ("e-open-kota-bekasi", "peci-haji-pontianak", "civil documents issued faster"),
    (
        "jemput-bola-perekaman-ktp-el-melawi",
        "lapiz-jempol-sanggau",
        "the same way of working: officers travel to remote villages to serve citizens",
    ),
    ("laporrama-sintang", "ahir-pakta-sanggau", "civil certificates (death, birth) for citizens"),
    (
        "laporrama-sintang",
        "jemput-bola-disdukcapil-landak",
        "civil registration brought closer to villages",
    ),
    ("mpp-bumi-senentang-sintang", "lapiz-jempol-sanggau", "permits made easier to obtain"),
    ("mal-pelayanan-publik-kayong-utara", "lapiz-jempol-sanggau", "permits made easier to obtain"),
    ("peci-haji-pontianak", "jemput-bola-disdukcapil-landak", "civil documents (KIA, KTP, KK)"),
    (
        "peci-haji-pontianak",
        "ahir-pakta-sanggau",
        "children's civil documents (KIA, birth certificate)",
    ),
    ("pelakat-sambas", "sapa-sanggau", "civil registration services"),
    (
        "pelakat-sambas",
        "jemput-bola-disdukcapil-landak",
        "civil registration brought to remote areas",
    ),
    (
        "rumah-sakitku-rumah-keduaku-rsud-soedarso",
        "si-bina-cantik-bingits",
        "services to patients of a regional hospital",
    ),
    ("seledri-kubu-raya", "sapa-sanggau", "civil registration services"),
    ("seledri-kubu-raya", "ahir-pakta-sanggau", "civil documents issued quickly"),
    ("sapa-sanggau", "jemput-bola-disdukcapil-landak", "civil registration (KTP, KK, akta)"),
    ("sapa-sanggau", "laporrama-sintang", "civil registration records"),
    ("insanak-sejiram-sambas", "klinik-bumdesa-jatim", "village-owned enterprises (BUMDes)"),
    ("insanak-sejiram-sambas", "sakir-smart-village-ketapang", "digital services for villages"),
    ("ekosistem-data-jabar", "sidompu-sanggau", "integrated government data"),
)
"""(slug, slug, why a visitor would agree they are alike)."""

UNRELATED: tuple[tuple[str, str, str], ...] = (
    ("cms-desa-kubu-raya", "bang-elis-kalbar", "village cash payments, solar power"),
    (
        "cms-desa-kubu-raya",
        "rsud-ssma-pelayanan-tanpa-kelas-pontianak",
        "village finance, hospital care",
    ),
    ("bang-elis-kalbar", "jemput-bola-perekaman-ktp-el-melawi", "solar power, ID card recording"),
    ("bang-elis-kalbar", "pembayaran-pbb-p2-online-bengkayang", "solar power, property tax"),
    (
        "umi-fest-singkawang",
        "tanda-tangan-digital-pontianak",
        "a market festival, electronic signatures",
    ),
    (
        "rumah-sakitku-rumah-keduaku-rsud-soedarso",
        "ahir-pakta-sanggau",
        "a thalassaemia ward, birth certificates",
    ),
    (
        "menyeting-gigi-emas-pangandaran",
        "ahir-pakta-sanggau",
        "stunting prevention, birth certificates",
    ),
    ("pikobar-jabar", "seledri-kubu-raya", "a COVID-19 platform, one-day civil documents"),
    ("sidompu-sanggau", "mal-pelayanan-publik-kayong-utara", "poverty data, a service mall"),
    (
        "pjj-universitas-indonesia",
        "klinik-bumdesa-jatim",
        "university distance learning, coaching village enterprises",
    ),
    (
        "mbak-kepo-kalbar",
        "bumdes-kematu-jaya-rawak-hilir-sekadau",
        "a tourism app, a village enterprise selling LPG",
    ),
    (
        "jembatan-berkemajuan-sambas",
        "mpp-bumi-senentang-sintang",
        "village bridges, a service mall",
    ),
    ("salju-terpadu-kubu-raya", "etic-kalbar", "a health policy, tourist information"),
    (
        "si-jempol-kepri",
        "pembayaran-pbb-p2-online-bengkayang",
        "business licences, property tax payment",
    ),
    (
        "bumdes-kematu-jaya-rawak-hilir-sekadau",
        "umi-fest-singkawang",
        "a village enterprise selling LPG, a market festival",
    ),
    (
        "kapuas-tata-naskah-dinas-elektronik-kalbar",
        "klik-pontianak",
        "electronic office letters, coaching agencies to innovate",
    ),
    (
        "klinik-bumdesa-jatim",
        "digides-madang-permai-kapuas-hulu",
        "coaching village enterprises, a village administration app",
    ),
    (
        "layanan-aduan-whatsapp-pontianak",
        "tanda-tangan-elektronik-kecamatan-kapuas-hulu",
        "citizens' complaints, electronic signatures",
    ),
    (
        "sentra-inovasi-daerah-sintang",
        "tanda-tangan-digital-pontianak",
        "coaching agencies to innovate, electronic signatures",
    ),
    ("si-bina-cantik-bingits", "pikobar-jabar", "hospital insurance claims, a COVID-19 platform"),
)
"""(slug, slug, what each is about): neither may be among the other's first three."""
