"""Convert the research fact sheets (`shared/research/facts/*.csv`) into the tidy catalogue.

Why a script: a later vintage of the same fact sheets (or a new one in the same
`region,indicator,year,value,unit,source,note` shape) is converted the same way, and
every choice made on a row (its territory, indicator, vintage, status, or why it was
left out) is written down here rather than typed by hand into `data/`.

Writes, next to this folder:
  observations.csv   one row per territory x indicator x vintage x year x source
  sources.csv        one row per source (publisher, title, URL, publication date)
  gaps.csv           facts searched for and not found ("a gap stays a gap")
  build/excluded.csv every fact row that was not imported, with the reason

Usage: python data/build/build_catalog.py [--facts DIR] [--out DIR]
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_FACTS = HERE.parents[2] / "shared" / "research" / "facts"
DEFAULT_OUT = HERE.parent

OBS_COLUMNS = [
    "territory_id", "indicator_id", "vintage", "year", "period_start", "value", "qualifier",
    "status", "source_id", "preferred", "year_inferred", "formula", "note",
]
SOURCE_COLUMNS = ["source_id", "publisher", "title", "url", "published", "reliability", "note"]
GAP_COLUMNS = ["territory_id", "indicator_id", "year", "note"]
EXCLUDED_COLUMNS = ["file", "row", "region", "indicator", "year", "value", "reason"]

# --------------------------------------------------------------------------- territories
REGION_TO_TERRITORY = {
    "Tuyen Quang (new)": "tuyen_quang_merged",
    "Tuyen Quang (new, merged 01/07/2025)": "tuyen_quang_merged",
    "Tuyen Quang (new, merged)": "tuyen_quang_merged",
    "Tuyen Quang (old)": "tuyen_quang_old",
    "Tuyen Quang (old, pre-07/2025)": "tuyen_quang_old",
    "Ha Giang": "ha_giang",
    "Ha Giang (pre-07/2025)": "ha_giang",
    "Northern Midlands and Mountains (TDMNPB, 14 provinces)": "region_nmm",
    "Vietnam": "vietnam",
    "Lao Cai (peer, TDMNPB)": "lao_cai",
    "Hoa Binh (peer, TDMNPB)": "hoa_binh",
    "Nam Dinh (comparator, Red River Delta)": "nam_dinh",
}
# Names used by the GSO PX-Web table that are not plain provinces.
GSO_SPECIAL = {
    "CẢ NƯỚC": "vietnam",
    "Trung du và miền núi phía Bắc": "region_nmm",
    "Tuyên Quang": "tuyen_quang_old",
    "Hà Giang": "ha_giang",
    "Đồng bằng sông Hồng": "region_rrd",
    "Bắc Trung Bộ và duyên hải miền Trung": "region_ncc",
    "Tây Nguyên": "region_ch",
    "Đông Nam Bộ": "region_se",
    "Đồng bằng sông Cửu Long": "region_mrd",
    "TP. Hồ Chí Minh": "ho_chi_minh_city",
    "Thừa Thiên - Huế": "thua_thien_hue",
    "Bà Rịa - Vũng Tàu": "ba_ria_vung_tau",
}


def ascii_slug(text: str) -> str:
    """'Đắk Lắk' -> 'dak_lak' (Vietnamese diacritics stripped, đ -> d)."""
    text = text.replace("Đ", "D").replace("đ", "d")
    text = unicodedata.normalize("NFD", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def gso_territory(name: str) -> str:
    return GSO_SPECIAL.get(name, ascii_slug(name))


TERRITORY_COLUMNS = ["territory_id", "name_vi", "name_en", "kind", "parent_id", "valid_from", "valid_to", "note"]
# Territories that are not plain rows of the GSO table, or that need a note.
TERRITORIES_FIXED = [
    {"territory_id": "tuyen_quang_old", "name_vi": "Tuyên Quang (cũ, đến 30/6/2025)",
     "name_en": "Tuyen Quang (old, until 30/6/2025)", "kind": "province", "parent_id": "region_nmm",
     "valid_from": "1991", "valid_to": "2025", "note": "merged with Hà Giang into the new Tuyên Quang on 1/7/2025"},
    {"territory_id": "ha_giang", "name_vi": "Hà Giang (đến 30/6/2025)", "name_en": "Ha Giang (until 30/6/2025)",
     "kind": "province", "parent_id": "region_nmm", "valid_from": "1991", "valid_to": "2025",
     "note": "merged into the new Tuyên Quang on 1/7/2025"},
    {"territory_id": "tuyen_quang_merged", "name_vi": "Tuyên Quang (mới, từ 1/7/2025)",
     "name_en": "Tuyen Quang (merged, from 1/7/2025)", "kind": "province", "parent_id": "region_nmm",
     "valid_from": "2025", "valid_to": "",
     "note": "old Tuyên Quang + Hà Giang; values before 2025 are reconstructed sums (status derived)"},
    {"territory_id": "region_nmm", "name_vi": "Trung du và miền núi phía Bắc (14 tỉnh)",
     "name_en": "Northern Midlands and Mountains (14 provinces)", "kind": "region", "parent_id": "vietnam",
     "valid_from": "", "valid_to": "", "note": "the 14 provinces before the 2025 mergers"},
    {"territory_id": "vietnam", "name_vi": "Cả nước", "name_en": "Viet Nam", "kind": "country", "parent_id": "",
     "valid_from": "", "valid_to": "", "note": ""},
    {"territory_id": "ha_tay", "name_vi": "Hà Tây", "name_en": "Ha Tay", "kind": "province", "parent_id": "region_rrd",
     "valid_from": "1991", "valid_to": "2008", "note": "merged into Hà Nội on 1/8/2008"},
]
REGION_EN = {"region_rrd": "Red River Delta", "region_ncc": "North Central and Central Coast",
             "region_ch": "Central Highlands", "region_se": "South East", "region_mrd": "Mekong River Delta"}


def territories_from_gso(facts_dir: Path) -> list[dict]:
    """Every area of the GSO labour-force table, with its region taken from the table's order."""
    fixed = {t["territory_id"]: t for t in TERRITORIES_FIXED}
    out = dict(fixed)
    path = facts_dir / "gso_labour_force_by_province_2005_2021.csv"
    region = ""
    names: list[str] = []
    for r in csv.DictReader(path.open(encoding="utf-8", newline="")):
        if r["region"] not in names:
            names.append(r["region"])
    for name in names:
        tid = gso_territory(name)
        if tid.startswith("region_"):
            region = tid
        if tid in out:
            continue
        if tid.startswith("region_"):
            out[tid] = {"territory_id": tid, "name_vi": name, "name_en": REGION_EN[tid], "kind": "region",
                        "parent_id": "vietnam", "valid_from": "", "valid_to": "", "note": ""}
        else:
            en = " ".join(w.capitalize() for w in ascii_slug(name).split("_"))
            out[tid] = {"territory_id": tid, "name_vi": name, "name_en": en, "kind": "province",
                        "parent_id": region, "valid_from": "1991", "valid_to": "2025",
                        "note": "63-province map (1/1/2008 to 30/6/2025)"}
    return sorted(out.values(), key=lambda t: (t["kind"] != "country", t["kind"] != "region", t["territory_id"]))


# --------------------------------------------------------------------------- indicators
# raw indicator name -> (indicator_id, unit multiplier). Vintage and status come from rules below.
INDICATOR_MAP: dict[str, tuple[str, float]] = {
    "area": ("area_km2", 1),
    "population": ("population_scale", 1),            # re-mapped per territory in population_indicator()
    "population_alt_draft": ("population_scale", 1),
    "commune_level_units": ("commune_units", 1),
    "commune_level_units_before": ("commune_units", 1),
    "commune_level_units_after": ("commune_units_after_reorganisation", 1),
    "district_level_units_before": ("district_units", 1),
    "dti_rank": ("dti_rank", 1),
    "dti_value": ("dti_score", 1),
    "dti_digital_gov_value": ("dti_digital_government_score", 1),
    "dti_digital_economy_value": ("dti_digital_economy_score", 1),
    "dti_digital_society_value": ("dti_digital_society_score", 1),
    "ict_egov_index_rank": ("ict_egov_rank", 1),
    "pci_rank": ("pci_rank", 1),
    "commune_centres_with_fibre": ("broadband_communes_pct", 1),
    "communes_with_fibre_to_centre": ("broadband_communes_pct", 1),
    "villages_with_broadband": ("villages_broadband_pct", 1),
    "mobile_site_locations": ("mobile_sites", 1),
    "villages_mobile_broadband_coverage": ("villages_mobile_broadband_pct", 1),
    "villages_with_mobile_broadband": ("villages_mobile_broadband_pct", 1),
    "villages_ftth_coverage": ("villages_ftth_pct", 1),
    "households_ftth": ("households_ftth_pct", 1),
    "adults_with_smartphone": ("adults_smartphone_pct", 1),
    "smartphone_share_of_mobile_subs": ("smartphone_share_mobile_subs_pct", 1),
    "mobile_broadband_subs_per_100": ("mobile_broadband_subs_per_100", 1),
    "fixed_broadband_subs_per_100": ("fixed_broadband_subs_per_100", 1),
    "mobile_download_speed": ("mobile_download_mbps", 1),
    "fixed_download_speed": ("fixed_download_mbps", 1),
    "data_network_to_commune_pc": ("commune_pc_data_network_pct", 1),
    "online_public_services_level3": ("online_services_level3_count", 1),
    "online_public_services_level4": ("online_services_level4_count", 1),
    "community_digital_tech_teams": ("community_digital_teams", 1),
    "bts_total": ("bts_sites", 1),
    "mobile_coverage": ("mobile_coverage_pct", 1),
    "smartphone_share_of_phone_users": ("smartphone_share_phone_users_pct", 1),
    "online_public_services_level4_share": ("online_services_level4_pct", 1),
    "households_with_internet_subscription": ("households_internet_pct", 1),
    "population_with_phone": ("population_with_phone_pct", 1),
    "online_dossier_rate": ("online_dossier_pct", 1),
    "online_payment_rate": ("online_payment_pct", 1),
    "digital_economy_share_grdp": ("digital_economy_share_gdp_pct", 1),
    "population_census": ("population_census", 1),
    "population_average": ("population_average", 1),
    "population_31Dec": ("population_31dec", 1),
    "grdp_current": ("grdp_current", 1),
    "grdp_const2010": ("grdp_const2010", 1),
    "grdp_const2010_h1": ("grdp_const2010_h1", 1),
    "grdp_growth_const": ("grdp_growth_const", 1),
    "grdp_growth_const_h1": ("grdp_growth_const_h1", 1),
    "grdp_growth_avg": ("grdp_growth_avg", 1),
    "grdp_growth_const_avg": ("grdp_growth_avg", 1),
    "grdp_growth_avg_2015_2020": ("grdp_growth_avg", 1),
    "grdp_growth_avg_2021_2024": ("grdp_growth_avg", 1),
    "grdp_per_capita_current": ("grdp_per_capita_current", 1),
    "grdp_current_9months": ("grdp_current_9m", 1),
    "labour_growth_avg": ("labour_growth_avg", 1),
    "labour_productivity_current": ("labour_productivity_current", 1),
    "labour_productivity_current_gso_pxweb": ("labour_productivity_current", 1),
    "labour_productivity_current_implied_lower_bound": ("labour_productivity_current", 1),
    "labour_productivity_growth": ("labour_productivity_growth_const", 1),
    "labour_productivity_growth_const": ("labour_productivity_growth_const", 1),
    "labour_productivity_growth_avg_2011_2015": ("labour_productivity_growth_avg", 1),
    "labour_productivity_growth_avg_2016_2020": ("labour_productivity_growth_avg", 1),
    "labour_productivity_growth_avg_2011_2020": ("labour_productivity_growth_avg", 1),
    "gdp_growth_const": ("gdp_growth_const", 1),
    "gdp_current": ("gdp_current", 1),
    "digital_economy_share_gdp_gso": ("digital_economy_share_gdp_pct", 1),
    "digital_economy_share_gdp_gso_earlier_vintage": ("digital_economy_share_gdp_pct", 1),
    "digital_economy_share_gdp_mic_estimate": ("digital_economy_share_gdp_pct", 1),
    "digital_economy_share_gdp_policy_estimate": ("digital_economy_share_gdp_pct", 1),
    "gii_rank": ("gii_rank", 1),
    "dti_national": ("dti_score", 1),
    "dti_provincial_average": ("dti_provincial_average", 1),
    "5g_population_coverage": ("population_5g_coverage_pct", 1),
    "5g_sites_viettel": ("sites_5g_viettel", 1),
    "share_of_national_gdp": ("share_of_national_gdp_pct", 1),
    "share_of_national_population": ("population_share_national_pct", 1),
    "share_of_sum_of_provincial_GRDP": ("share_of_provincial_grdp_sum_pct", 1),
    "income_per_capita": ("income_per_capita", 1),
    "employed_15plus": ("employed_15plus", 1),
    "trained_share_of_employed": ("trained_labour_share_pct", 1),
    "grdp_current_wiki_northeast_plus_northwest": ("grdp_current", 1),
    "sum_provincial_grdp_current": ("sum_provincial_grdp_current", 1),
    # persons -> thousand persons, to sit in the same unit as the GSO table
    "labour_force_15plus": ("labour_force_15plus", 1),
}

# Rows that models/ derives itself, so they are never typed in (tests check the model's
# result against these research values).
COMPUTED_BY_MODELS = {
    "grdp_per_labour_force_member_current_PROXY": "computed by models.derive (GRDP / labour force)",
    "grdp_current_derived": "computed by models.derive (regional share x national sum of provincial GRDP)",
    "labour_productivity_growth_avg_2021_2024": "computed by models.derive (compound mean of annual rates)",
    "labour_force_15plus_change_2020_to_2021": "change across the 2021 concept break: never computed",
    "area_check": "consistency check of two areas of different years, not a value",
}

# Special vintages. Everything else sits in vintage "main" for its indicator.
def vintage_for(tid: str, iid: str, year: int | None, raw_ind: str, note: str, src: str) -> str:
    n = note.lower()
    if iid == "labour_force_15plus":
        if "tuyenquang.gov.vn" in src:
            return "tq_portal_c2015"
        if "123docz" in src:
            return "thesis_lfs_2009"
        return "gso_v0234_2021_concept" if year == 2021 else "gso_v0234_pre2021"
    if iid == "labour_productivity_current":
        if raw_ind == "labour_productivity_current_gso_pxweb":
            return "gso_pxweb_v0249"
        if tid == "vietnam":
            return "gso_revised" if ("revised" in n or (year or 0) >= 2021) else "gso_press_pre2021"
        if tid == "nam_dinh":
            return "provincial_stats_office"
        return "gso_revised"   # 2022 provincial values and bounds (post-2021 concept)
    if iid == "population_average" and tid == "tuyen_quang_old":
        return "dia_chi_1997_2012" if (year or 0) <= 2012 else "post_2015"
    if iid == "grdp_current" and tid == "ha_giang":
        return "grdp_2016_method"
    if iid == "grdp_current" and tid == "tuyen_quang_old":
        return "old_provincial_method" if (year or 0) <= 2012 else "grdp_2016_method"
    if iid == "grdp_current" and raw_ind == "grdp_current_wiki_northeast_plus_northwest":
        return "wikipedia_region_split"
    if iid == "digital_economy_share_gdp_pct":
        if "earlier_vintage" in raw_ind:
            return "gso_earlier"
        if "mic" in raw_ind:
            return "mic_estimate"
        if "policy" in raw_ind:
            return "policy_estimate"
        return "gso_2025_release"
    if iid == "employed_15plus" and tid == "hoa_binh":
        return "yearbook_pre2019" if (year or 0) <= 2018 else "yearbook_from_2019"
    if iid == "dti_provincial_average" and (year or 0) >= 2024:
        return "dti_34_provinces"
    if iid == "grdp_per_capita_current" and (year or 0) <= 2018:
        return "before_2019_revaluation"   # published before GSO's 2019 GDP revaluation
    if iid == "dti_rank":
        return "rank_of_63"
    return "main"


# Conflicting values for one key: which one the app uses, and why.
PREFERRED = {
    ("tuyen_quang_old", "grdp_current", 2020): (
        34624.0, "within 0.5% of GSO PX-Web productivity × employed for 2020 (72.7 × 474 thousand = 34,460), while "
        "31,730 is 8% below it and, with the same page's 42.2 mn per capita, implies 752 thousand people against "
        "GSO's 793 thousand; the Wikipedia value 31,730 is kept as an alternative"),
    ("tuyen_quang_merged", "population_scale", 2025): (
        1865270.0, "adopted figure of the merger dossier (HĐND resolution); 2,481,725 is from the draft"),
    ("vietnam", "labour_productivity_current", 2021): (
        172.8, "National Statistical Yearbook 2022 value replaces the year-end estimate 171.3"),
    ("vietnam", "labour_productivity_current", 2022): (
        188.7, "updated figure quoted in 2023 replaces the year-end estimate 188.1"),
    ("vietnam", "labour_productivity_growth_const", 2019): (
        6.62, "revised figure of the GSO 2011-2020 report replaces the year-end estimate 6.2"),
    **{("vietnam", "gdp_growth_const", year): (value, "GSO revised series (listed December 2022, quoted by Afamily) "
                                                      "preferred over a copy whose source is not stated")
       for year, value in ((2019, 7.36), (2020, 2.87), (2021, 2.56), (2022, 8.02))},
}

# Numbers that the fact sheet states inside a note (with their source) rather than as a row.
EXTRA_FACTS = [
    # (file the note is in, region, indicator, year, value, unit, source, note)
    ("provincial_productivity.csv", "Vietnam", "sum_provincial_grdp_current", "2018", "5542332",
     "billion VND", "http://susta.vn/bai-viet-Xep-hng-phat-trien-kinh-te-cua-cac-vung-cac-tinh-1723.html "
     "(Phan Đức Ngữ, based on GSO 2018 data)",
     "stated 'national sum 5.542.332 tỉ VNĐ' in the note of share_of_sum_of_provincial_GRDP"),
]

# 'Vietnam provinces' row lists several provinces in one text value.
EXTREMES_2022 = {
    "ba_ria_vung_tau": 675.5, "dien_bien": 76.4, "quang_ninh": 405.7, "hai_phong": 356.8,
    "region_se": 302.2,
}

PUBLISHERS = {
    "tuyenquang.gov.vn": "Cổng TTĐT tỉnh Tuyên Quang", "vietnam.vn": "Vietnam.vn (Bộ VHTTDL)",
    "znews.vn": "Znews", "thanhnien.vn": "Báo Thanh Niên", "m.thanhnien.vn": "Báo Thanh Niên",
    "defzone.net": "defzone.net (bản sao Wikipedia)", "vi.m.wikipedia.org": "Wikipedia tiếng Việt",
    "dantocmiennui.vn": "Báo Dân tộc và Miền núi (TTXVN)", "aloxekhach.com": "aloxekhach.com (bản sao Wikipedia)",
    "stttt.tuyenquang.gov.vn": "Sở TT&TT Tuyên Quang", "doingoai.tuyenquang.gov.vn": "Cổng đối ngoại Tuyên Quang",
    "dti.gov.vn": "Bộ TT&TT – DTI", "discoverhagiang.com": "discoverhagiang.com",
    "www.vinhphuc.gov.vn": "Cổng TTĐT tỉnh Vĩnh Phúc", "bqlckcntuyenquang.gov.vn": "BQL các KCN Tuyên Quang",
    "baotuyenquang.com.vn": "Báo Tuyên Quang", "nhandan.vn": "Báo Nhân Dân", "www.nhandan.com.vn": "Báo Nhân Dân",
    "thuvienphapluat.vn": "Thư viện Pháp luật", "mic.gov.vn": "Bộ TT&TT", "congthuong.vn": "Báo Công Thương",
    "m.tapchinongthonmoi.vn": "Tạp chí Nông thôn mới", "lite.baomoi.com": "Báo Mới", "baomoi.net.vn": "Báo Mới",
    "vansudia.net": "vansudia.net", "beta.dangcongsan.vn": "Báo Điện tử Đảng Cộng sản",
    "vietnamnews.vn": "Việt Nam News", "toplist.vn": "toplist.vn", "123docz.net": "123docz.net (luận văn)",
    "www.thitruonghanghoa.com": "Thị trường hàng hóa (dẫn TCTK)", "news.gov.vn": "Cổng TTĐT Chính phủ",
    "www.24h.com.vn": "24h.com.vn (dẫn TCTK)", "vietnambiz.vn": "VietnamBiz (dẫn TCTK)",
    "cafef.vn": "CafeF (dẫn báo cáo TCTK)", "vanhoadoanhnghiepvn.vn": "Văn hóa doanh nghiệp (dẫn TCTK)",
    "vietnam.opendevelopmentmekong.net": "Open Development Mekong (dẫn NGTK 2022)",
    "afamily.vn": "Afamily (dẫn TCTK)", "etime.danviet.vn": "Báo Dân Việt (dẫn TCTK)",
    "tintuc.chonchinh.com": "chonchinh.com (dẫn TCTK)", "baodauthau.vn": "Báo Đấu thầu",
    "vietnamnet.vn": "VietNamNet", "diendan.dukcoquantwtphcm.vn": "dukcoquantwtphcm.vn (dẫn TCTK)",
    "vnmedia.vn": "VnMedia", "bizhub.vn": "Bizhub", "vietexplorer.com": "VietExplorer",
    "news.baolongan.vn": "Báo Long An", "en.vietnamplus.vn": "VietnamPlus (TTXVN)",
    "en.baochinhphu.vn": "Báo Chính phủ", "dantri.com.vn": "Báo Dân trí", "tincongnghe.net": "tincongnghe.net",
    "kinhtedothi.vn": "Kinh tế & Đô thị", "vietbao.vn": "Việt Báo", "viettimes.vn": "VietTimes",
    "vnexpress.net": "VnExpress", "susta.vn": "susta.vn (Phan Đức Ngữ, dẫn TCTK)",
    "phong-van.com": "phong-van.com (trang thứ cấp)", "batdongsantuyenquang.org": "batdongsantuyenquang.org (thứ cấp)",
    "tapchicongsan.org.vn": "Tạp chí Cộng sản", "baohagiang.vn": "Báo Hà Giang",
    "khuyencongonline.gov.vn": "Cục Công Thương địa phương", "danviet.vn": "Báo Dân Việt",
    "en.baohoabinh.com.vn": "Báo Hòa Bình", "thongkehoabinh.gso.gov.vn": "Cục Thống kê Hòa Bình (NGTK 2022)",
    "www.namdinh.gso.gov.vn": "Cục Thống kê Nam Định", "doanhnghiephoinhap.vn": "Doanh nghiệp hội nhập (Bộ KH&ĐT)",
    "nld.com.vn": "Báo Người Lao Động", "baobaclieu.vn": "Báo Bạc Liêu", "infographics.vn": "Infographics TTXVN",
    "ngkt.mofa.gov.vn": "Bộ Ngoại giao – Ngoại giao kinh tế", "tapchicongthuong.vn": "Tạp chí Công Thương",
    "daibieunhandan.vn": "Báo Đại biểu Nhân dân", "tuyenquangtv.vn": "Đài PT-TH Tuyên Quang",
    "en.qdnd.vn": "Báo Quân đội Nhân dân", "vanhoavaphattrien.vn": "Văn hóa và Phát triển",
    "ipc.tuyenquang.gov.vn": "Trung tâm XTĐT Tuyên Quang",
    "btg.ksdg.vn": "Địa chí Tuyên Quang (Ban Tuyên giáo)",
    "huggingface.co": "Hugging Face, bộ dữ liệu letrinhan (từ TCTK PX-Web)",
    "github.com": "GitHub TungTV205/GOV (tệp không nêu nguồn)", "nguoitaybac.vn": "Người Tây Bắc (dẫn TCTK)",
    "tnmttuyenquang.gov.vn": "Sở TN&MT Tuyên Quang", "www.vietnam.vn": "Vietnam.vn (Bộ VHTTDL)",
    "en.baotuyenquang.com.vn": "Báo Tuyên Quang (tiếng Anh)", "www.einpresswire.com": "EIN Presswire (dẫn VNS)",
}
HIGH = {"dti.gov.vn", "stttt.tuyenquang.gov.vn", "doingoai.tuyenquang.gov.vn", "tuyenquang.gov.vn",
        "thuvienphapluat.vn", "nhandan.vn", "www.nhandan.com.vn", "afamily.vn", "etime.danviet.vn", "cafef.vn",
        "vietnambiz.vn", "baomoi.net.vn", "baotuyenquang.com.vn", "thongkehoabinh.gso.gov.vn",
        "www.namdinh.gso.gov.vn", "doanhnghiephoinhap.vn", "news.gov.vn", "en.baochinhphu.vn"}
LOW = {"phong-van.com", "toplist.vn", "discoverhagiang.com", "znews.vn", "batdongsantuyenquang.org"}

DERIVED_SOURCE = {"source_id": "lotrinh_models_derive", "publisher": "Lộ trình 4.0",
                  "title": "Giá trị tính toán bởi models/derive.py từ các giá trị đầu vào ghi trong cột inputs",
                  "url": "models/derive.py", "published": "", "reliability": "medium",
                  "note": "derived values carry their formula and inputs; they are never typed in"}
URL_RE = re.compile(r"https?://[^\s;()]+")


def source_record(raw: str) -> dict[str, str]:
    """Make a stable source row from the fact sheet's free-text source field."""
    raw = raw.strip()
    if raw.startswith("GSO PX-Web") and "V0234" in raw:
        return {"source_id": "gso_pxweb_v0234", "publisher": "Tổng cục Thống kê (GSO)",
                "title": "Lực lượng lao động từ 15 tuổi trở lên phân theo địa phương (PX-Web V0234)",
                "url": "https://www.gso.gov.vn/px-web-2/?pxid=V0234", "published": "2023-01-09",
                "reliability": "high",
                "note": "as scraped 09/01/2023 in GitHub Tuyet3005/DoAnCK_P4DS luc_luong_lao_dong.json @e4f955b"}
    if raw.startswith("GSO PX-Web") and "V0249" in raw:
        return {"source_id": "gso_pxweb_v0249", "publisher": "Tổng cục Thống kê (GSO)",
                "title": "Năng suất lao động xã hội phân theo ngành kinh tế (PX-Web V0249), dòng TỔNG SỐ",
                "url": "https://www.gso.gov.vn/px-web-2/?pxid=V0249", "published": "2023-01-09",
                "reliability": "high",
                "note": "as scraped 09/01/2023 in GitHub Tuyet3005/DoAnCK_P4DS nang_suat_lao_dong.json @e4f955b"}
    if raw.startswith("English Wikipedia"):
        return {"source_id": "wikipedia_en_gdp_subdivisions", "publisher": "Wikipedia (English)",
                "title": "List of Vietnamese subdivisions by GDP (2019 table)",
                "url": "https://en.wikipedia.org/wiki/List_of_Vietnamese_subdivisions_by_GDP",
                "published": "", "reliability": "medium", "note": "region split may differ from GSO's"}
    if raw.startswith("plan-402-article.txt"):
        raw = "https://tuyenquang.gov.vn/noidung/tintuc/Pages/chi-tiet-tin-tuc.aspx?ItemID=14786&l=Tintuc&lv=53 (09/07/2020)"
    if raw.startswith("vietnam.vn/?p="):
        raw = "https://" + raw
    m = URL_RE.search(raw)
    if not m:
        raise ValueError(f"source without URL: {raw!r}")
    url = m.group(0).rstrip(".,")
    domain = url.split("/")[2]
    rest = (raw[:m.start()] + raw[m.end():]).strip(" ;")
    published = parse_published(rest)
    slug = url.rstrip("/").split("/")[-1].split("?")[0]
    slug = re.sub(r"\.(html?|aspx|chn|epi|vnp|ldo|vna)$", "", slug)
    title = re.sub(r"[-_]+", " ", slug).strip() or domain
    reliability = "high" if domain in HIGH else "low" if domain in LOW else "medium"
    sid = ascii_slug(domain.replace("www.", "").split(".")[0]) + "_" + hashlib.sha1(url.encode()).hexdigest()[:6]
    return {"source_id": sid, "publisher": PUBLISHERS.get(domain, domain), "title": title, "url": url,
            "published": published, "reliability": reliability,
            "note": (rest.strip("() ") + "; title taken from the URL").strip("; ")}


def parse_published(text: str) -> str:
    m = re.search(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if m:
        return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        return m.group(0)
    m = re.search(r"(\d{2})/(\d{4})", text)
    if m:
        return f"{m.group(2)}-{m.group(1)}"
    m = re.search(r"(\d{4})-(\d{2})\b", text)
    if m:
        return m.group(0)
    return ""


# --------------------------------------------------------------------------- values
NUM_RE = re.compile(r"^\s*(>=|>|<=|<|~)?\s*([0-9][0-9.,]*)\s*(million)?\s*(.*)$")


def parse_value(raw: str) -> tuple[float, str] | None:
    """'>94' -> (94, 'lower_bound'); '~13 million' -> (13e6, 'approx'); text -> None."""
    raw = raw.strip()
    m = NUM_RE.match(raw)
    if not m:
        return None
    op, num, million, tail = m.groups()
    if "," in num and "." not in num and len(num.split(",")[-1]) == 3:
        num = num.replace(",", "")
    try:
        value = float(num.replace(",", ""))
    except ValueError:
        return None
    if million:
        value *= 1e6
    tail = tail.strip().lower()
    if tail.startswith("(between") or tail.startswith("(lower bound)") or tail == "" or tail.startswith("("):
        pass
    elif tail:
        return None
    qualifier = {">": "lower_bound", ">=": "lower_bound", "<": "upper_bound", "<=": "upper_bound",
                 "~": "approx", None: ""}[op]
    if "lower bound" in tail:
        qualifier = "lower_bound"
    return value, qualifier


def parse_year(raw: str) -> tuple[int | None, int | None, bool]:
    """Return (year, period_start, inferred). '2016-2020' -> (2020, 2016, False); 'c.2020' -> (2020, None, True)."""
    raw = raw.strip()
    if re.fullmatch(r"\d{4}", raw):
        return int(raw), None, False
    m = re.fullmatch(r"(\d{4})-(\d{4})", raw)
    if m:
        return int(m.group(2)), int(m.group(1)), False
    m = re.fullmatch(r"c\.(\d{4})", raw)
    if m:
        return int(m.group(1)), None, True
    return None, None, False


def status_for(note: str, raw_ind: str) -> str:
    n = note.lower()
    if "DERIVED" in note:      # the fact sheet writes DERIVED for its own arithmetic
        return "derived"
    if "prelim" in n:
        return "preliminary"
    if "estimate" in n or "early estimate" in n or "approx" in n:
        return "estimate"
    return "official"


def qualifier_from_note(note: str, q: str) -> str:
    """Only the note's first clause describes the value itself; later clauses talk about others."""
    if q:
        return q
    n = note.split(";")[0].lower()
    if any(w in n for w in ("'hơn", "lower bound", "'trên")):
        return "lower_bound"
    if any(w in n for w in ("stated ~", "khoảng", "approx", "gần")):
        return "approx"
    return ""


# --------------------------------------------------------------------------- GSO PX-Web tables by province (2019–2024)
PXWEB_FILE = "gso_pxweb_provinces_2019_2024.csv"
# raw name -> (indicator_id, multiplier to the catalogue's unit, vintage before 2021, vintage from 2021).
# From 2021 employment excludes own-use producers: every employment-based series gets two vintages
# (and a break in breaks.csv), so no growth is ever computed from 2020 to 2021.
PXWEB_INDICATORS = {
    "labour_productivity_current": ("labour_productivity_current", 1, "gso_pxweb_prov_pre2021", "gso_revised"),
    "employed_15plus": ("employed_15plus", 1000, "gso_pxweb_pre2021", "gso_pxweb_2021_concept"),
    "labour_force_15plus": ("labour_force_15plus", 1, "gso_v0234_pre2021", "gso_v0234_2021_concept"),
    "population_average": ("population_average", 1000, "gso_pxweb", "gso_pxweb"),
    "trained_labour_share_pct": ("trained_labour_share_pct", 1, "gso_pxweb_pre2021", "gso_pxweb_2021_concept"),
}
REGION_NAMES = {"đồng bằng sông hồng": "region_rrd", "trung du và miền núi phía bắc": "region_nmm",
                "bắc trung bộ và duyên hải miền trung": "region_ncc", "tây nguyên": "region_ch",
                "đông nam bộ": "region_se", "đồng bằng sông cửu long": "region_mrd"}
PXWEB_COPY_RE = re.compile(r"PX-Web table '([^']+)', flattened by hand in GitHub repo (\S+) (\S+) @([0-9a-f]{40})")


def pxweb_source(raw: str) -> dict[str, str]:
    """One source per GSO table, as copied (whole thousands, one decimal for rates) in a public repository."""
    m = PXWEB_COPY_RE.search(raw)
    if not m:
        raise SystemExit(f"unrecognised PX-Web source text: {raw[:80]!r}")
    table, repo, path, sha = m.groups()
    stem = ascii_slug(Path(path).stem)
    return {"source_id": f"gso_pxweb_{stem}", "publisher": "Tổng cục Thống kê (GSO), PX-Web (bản sao)",
            "title": f"{table} (2019–2024)", "url": f"https://github.com/{repo}/blob/{sha}/{path}",
            "published": "", "reliability": "medium",
            "note": "secondary copy of an official GSO table (source stated in the repository README: Cục Thống kê – "
                    "Bộ Tài chính); values rounded to whole thousands; cross-checks: 2022 productivity identical in an "
                    "independent scrape (github vantu-fit/FlowSight) and in the bundled 2022 extremes; labour force "
                    "2019–2021 within rounding of PX-Web V0234"}


def import_pxweb(path: Path, territories: dict[str, dict], observations: list[dict], sources: dict,
                 exclude) -> None:
    """Every province's row of the five tables; region membership is checked against territories.csv."""
    for i, r in enumerate(csv.DictReader(path.open(encoding="utf-8", newline="")), start=2):
        tid = gso_territory(r["region"].strip())
        if tid not in territories:
            raise SystemExit(f"{path.name} row {i}: province {r['region']!r} is not in territories.csv")
        if r["indicator"] == "member_of_region":
            m = re.match(r"region: (.*?) \(", r["note"])
            region = REGION_NAMES.get(m.group(1).strip().lower()) if m else None
            if region != territories[tid]["parent_id"]:
                raise SystemExit(f"{path.name} row {i}: {tid} is in {region} here but in "
                                 f"{territories[tid]['parent_id']} in territories.csv")
            exclude(path.name, i, r, "region membership: agrees with parent_id in territories.csv")
            continue
        iid, mult, before, after = PXWEB_INDICATORS[r["indicator"]]
        year = int(r["year"])
        src = pxweb_source(r["source"])
        sources[src["source_id"]] = src
        note = r["note"]
        if mult != 1:
            note = f"{note}; converted from thousand persons to persons".strip("; ")
        observations.append(obs(tid, iid, before if year < 2021 else after, year, None, float(r["value"]) * mult,
                                "", "official", src["source_id"], None, "", "", note))


# --------------------------------------------------------------------------- the December 2026 miscellany
MISC_FILE = "misc_2026_12.csv"
# (region, indicator prefix) -> (territory, indicator_id, multiplier, status, vintage rule, reliability)
MISC_ROWS = {
    ("Việt Nam (whole country)", "Employed persons"): ("vietnam", "employed_15plus", 1000, None, "employed", "medium"),
    ("Việt Nam (whole country)", "GDP growth"): ("vietnam", "gdp_growth_const", 1, "official", "main", "low"),
    ("Tuyên Quang", "Digital economy share"): ("tuyen_quang_old", "digital_economy_share_gdp_pct", 1, "estimate",
                                               "gso_province_estimate", "medium"),
    ("Tuyên Quang", "Provincial Innovation Index"): ("tuyen_quang_old", "pii_score", 1, "official", "main", "high"),
    ("Hà Giang", "GRDP growth, first half"): ("ha_giang", "grdp_growth_const_h1", 1, "estimate", "main", "medium"),
    ("Tuyên Quang (new merged province)", "5G BTS stations"): ("tuyen_quang_merged", "bts_5g_sites", 1, "official",
                                                               "main", "high"),
}
# Numbers stated inside a miscellany note (quoted there with the same source).
MISC_EXTRA = {
    "pii_score": [("pii_rank", 43.0, "stated in the same sentence: 'đứng thứ 43 toàn quốc' (of 63)")],
    "bts_5g_sites": [("broadband_communes_pct", 100.0,
                      "stated in the same article: 'All commune and ward centers have been covered by broadband "
                      "fiber-optic networks' (merged province, c.2025)")],
}


def import_misc(path: Path, observations: list[dict], sources: dict, exclude) -> None:
    for i, r in enumerate(csv.DictReader(path.open(encoding="utf-8", newline="")), start=2):
        key = next((k for k in MISC_ROWS if r["region"] == k[0] and r["indicator"].startswith(k[1])), None)
        if key is None:
            exclude(path.name, i, r, "quarterly figure, not a yearly number" if "Q1" in r["indicator"]
                    else "not mapped to an indicator")
            continue
        tid, iid, mult, status, vintage, reliability = MISC_ROWS[key]
        year, _, inferred = parse_year(r["year"].replace("c.2025 (article 16/01/2026)", "c.2025"))
        src = source_record(r["source"])
        src["reliability"] = reliability
        if iid == "gdp_growth_const":
            src["note"] = ("file header 'Năm,GDP (tỷ USD),GDP bình quân đầu người (USD),Tỷ lệ tăng trưởng GDP'; source of "
                           "the file not stated; GSO's revised series is preferred wherever both exist")
        sources[src["source_id"]] = src
        if vintage == "employed":
            vintage = "gso_pxweb_pre2021" if year < 2021 else "gso_pxweb_2021_concept"
        if status is None:
            status = "preliminary" if "value_status=preliminary" in r["note"] else "official"
        note = r["note"] + ("; converted from thousand persons to persons" if mult != 1 else "")
        observations.append(obs(tid, iid, vintage, year, None, float(r["value"]) * mult, "", status,
                                src["source_id"], None, "true" if inferred else "", "", note))
        for extra_iid, value, extra_note in MISC_EXTRA.get(iid, []):
            observations.append(obs(tid, extra_iid, "rank_of_63" if extra_iid == "pii_rank" else "main", year, None,
                                    value, "", "official", src["source_id"], None, "true" if inferred else "", "",
                                    extra_note))


# --------------------------------------------------------------------------- main
def build(facts_dir: Path, out_dir: Path) -> dict[str, int]:
    observations: list[dict] = []
    sources: dict[str, dict] = {}
    gaps: list[dict] = []
    excluded: list[dict] = []

    def exclude(fname, rowno, r, reason):
        excluded.append({"file": fname, "row": rowno, "region": r["region"], "indicator": r["indicator"],
                         "year": r["year"], "value": r["value"], "reason": reason})

    files = sorted(facts_dir.glob("*.csv"))
    if not files:
        raise SystemExit(f"no fact sheets in {facts_dir}")
    territories = {t["territory_id"]: t for t in territories_from_gso(facts_dir)}
    for path in files:
        if path.name == PXWEB_FILE:
            import_pxweb(path, territories, observations, sources, exclude)
            continue
        if path.name == MISC_FILE:
            import_misc(path, observations, sources, exclude)
            continue
        rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
        if path.name == "provincial_productivity.csv":
            rows += [dict(zip(["region", "indicator", "year", "value", "unit", "source", "note"], e[1:]))
                     for e in EXTRA_FACTS if e[0] == path.name]
        last_source = ""
        for i, r in enumerate(rows, start=2):
            src_raw = r["source"].strip()
            if src_raw in ("same", "same tapchicongsan page", "same baohagiang page"):
                src_raw = last_source
            elif src_raw:
                last_source = src_raw
            region, raw_ind, note = r["region"], r["indicator"], r["note"]
            if path.name == "targets.csv" or raw_ind.startswith("target_"):
                if src_raw:   # the target documents are cited by data/documents.csv
                    src = source_record(src_raw)
                    sources[src["source_id"]] = src
                exclude(path.name, i, r, "target: registered in data/targets.csv")
                continue
            if raw_ind in COMPUTED_BY_MODELS:
                exclude(path.name, i, r, COMPUTED_BY_MODELS[raw_ind])
                continue
            if path.name == "gso_labour_force_by_province_2005_2021.csv":
                tid = gso_territory(region)
            elif region == "Vietnam provinces":
                year = int(r["year"])
                src = source_record(src_raw)
                sources[src["source_id"]] = src
                for t, v in EXTREMES_2022.items():
                    observations.append(obs(t, "labour_productivity_current", "gso_revised", year, None, v, "",
                                            "official", src["source_id"], None, "", "",
                                            "listed among 2022 provincial extremes by a secondary site citing GSO"))
                continue
            else:
                tid = REGION_TO_TERRITORY.get(region)
                if tid is None:
                    exclude(path.name, i, r, f"unknown region {region!r}")
                    continue
            if raw_ind not in INDICATOR_MAP:
                exclude(path.name, i, r, "text or event, not a yearly number (kept as evidence in the research)")
                continue
            iid, mult = INDICATOR_MAP[raw_ind]
            if raw_ind == "population":
                # the fact sheets use 'population' for three definitions: keep them apart
                iid = {"tuyen_quang_merged": "population_scale", "ha_giang": "population_census"}.get(
                    tid, "population_average")
            year, period_start, inferred = parse_year(r["year"])
            if r["value"].strip().lower() == "not found":
                gaps.append({"territory_id": tid, "indicator_id": iid,
                             "year": r["year"] if year is None else year,
                             "note": note or "not available in public sources consulted"})
                continue
            if year is None:
                exclude(path.name, i, r, "year not given in the source, so it cannot be placed in a yearly series")
                continue
            if "'" in r["year"] or "undated" in r["year"]:
                exclude(path.name, i, r, "year not given")
                continue
            parsed = parse_value(r["value"])
            if parsed is None:
                exclude(path.name, i, r, "value is text, not a number")
                continue
            value, q = parsed
            if raw_ind == "5g_population_coverage" and "end-2025" not in r["unit"]:
                exclude(path.name, i, r, "sub-annual snapshot; the yearly table keeps the end-of-year value")
                continue
            if raw_ind == "labour_force_15plus" and r["unit"] == "persons":
                value = value / 1000.0   # persons -> thousand persons, the unit of the GSO table
                note = f"{note}; converted from persons to thousand persons"
            if "(new, merged" in region or "Tuyen Quang (new" in region:
                tid = "tuyen_quang_merged"
            value *= mult
            q = qualifier_from_note(note, q)
            if "undated" in (src_raw + note).lower() or "year inferred" in note.lower() or "c.20" in src_raw:
                inferred = True
            status = status_for(note, raw_ind)
            if raw_ind == "grdp_current_wiki_northeast_plus_northwest":
                status = "proxy"
            formula = ""
            if "DERIVED" in note:
                formula = re.sub(r"^.*?DERIVED( check| bound)?:?\s*", "", note).strip()
                if not formula:
                    formula = note
            if raw_ind == "commune_level_units_after" and tid == "ha_giang":
                year = 2025
            src = source_record(src_raw) if src_raw else None
            if src is None:
                exclude(path.name, i, r, "value without a source")
                continue
            sources[src["source_id"]] = src
            vintage = vintage_for(tid, iid, year, raw_ind, note, src_raw)
            if iid == "labour_force_15plus" and vintage == "gso_v0234_2021_concept":
                status = "preliminary"
            observations.append(obs(tid, iid, vintage, year, period_start, value, q, status,
                                    src["source_id"], None, "true" if inferred else "", formula, note))

    sources[DERIVED_SOURCE["source_id"]] = DERIVED_SOURCE
    _RELIABILITY.update({sid: src["reliability"] for sid, src in sources.items()})
    observations = dedupe(observations)
    mark_preferred(observations)
    observations.sort(key=lambda o: (o["indicator_id"], o["territory_id"], o["vintage"], int(o["year"]), o["source_id"]))
    write(out_dir / "observations.csv", OBS_COLUMNS, observations)
    write(out_dir / "sources.csv", SOURCE_COLUMNS, sorted(sources.values(), key=lambda s: s["source_id"]))
    write(out_dir / "gaps.csv", GAP_COLUMNS, gaps)
    write(out_dir / "territories.csv", TERRITORY_COLUMNS, list(territories.values()))
    write(out_dir / "build" / "excluded.csv", EXCLUDED_COLUMNS, excluded)
    return {"observations": len(observations), "sources": len(sources), "gaps": len(gaps), "excluded": len(excluded)}


def obs(tid, iid, vintage, year, period_start, value, q, status, sid, preferred, inferred, formula, note):
    return {"territory_id": tid, "indicator_id": iid, "vintage": vintage, "year": year,
            "period_start": "" if period_start is None else period_start, "value": fmt(value),
            "qualifier": q, "status": status, "source_id": sid, "preferred": preferred,
            "year_inferred": inferred, "formula": formula, "note": note}


def fmt(v: float) -> str:
    return repr(round(v, 6)).removesuffix(".0") if float(v).is_integer() else repr(round(v, 6))


def dedupe(observations: list[dict]) -> list[dict]:
    """The same GSO value appears in two fact sheets: keep it once."""
    seen: dict[tuple, dict] = {}
    out = []
    for o in observations:
        key = (o["territory_id"], o["indicator_id"], o["vintage"], o["year"], o["period_start"], o["source_id"])
        if key in seen:
            if seen[key]["value"] != o["value"]:
                raise SystemExit(f"same source gives two values for {key}: {seen[key]['value']} vs {o['value']}")
            continue
        seen[key] = o
        out.append(o)
    return out


def mark_preferred(observations: list[dict]) -> None:
    groups: dict[tuple, list[dict]] = {}
    for o in observations:
        groups.setdefault((o["territory_id"], o["indicator_id"], o["vintage"], o["year"], o["period_start"]), []).append(o)
    for key, rows in groups.items():
        if len(rows) == 1:
            rows[0]["preferred"] = "true"
            continue
        rule = PREFERRED.get((key[0], key[1], key[3])) or copy_rule(rows)
        if rule is None:
            raise SystemExit(f"conflicting values with no preference rule: {key} -> {[r['value'] for r in rows]}")
        chosen, reason = rule
        # equal values from two sources: the exact, fuller source wins (the PX-Web copy over a page citing it,
        # a named GSO release over a file whose source is not stated)
        matching = sorted((r for r in rows if float(r["value"]) == chosen and not r["qualifier"]),
                          key=lambda r: (RELIABILITY_RANK.get(source_reliability(r["source_id"]), 3)))
        if not matching:
            raise SystemExit(f"preference rule for {key} names {chosen}, which no exact row has")
        for r in rows:
            is_pref = r is matching[0]
            r["preferred"] = "true" if is_pref else "false"
            extra = f"preferred: {reason}" if is_pref else f"alternative value; preferred {fmt(chosen)} because {reason}"
            r["note"] = f"{r['note']}; {extra}".strip("; ")


RELIABILITY_RANK = {"high": 0, "medium": 1, "low": 2}
_RELIABILITY: dict[str, str] = {}


def source_reliability(source_id: str) -> str:
    return _RELIABILITY.get(source_id, "medium")


def copy_rule(rows: list[dict]) -> tuple[float, str] | None:
    """Two sources for one key, one of them the rounded PX-Web copy: the rule that picks one, and why."""
    copies = [r for r in rows if r["source_id"].startswith("gso_pxweb_") and r["source_id"] != "gso_pxweb_v0234"]
    others = [r for r in rows if r not in copies]
    if len(copies) != 1 or len(others) != 1:
        return None
    copy, other = float(copies[0]["value"]), float(others[0]["value"])
    bound = others[0]["qualifier"]
    if bound in ("lower_bound", "upper_bound"):
        ok = copy >= other if bound == "lower_bound" else copy <= other
        return copy, (f"the exact value of the GSO table is preferred; it {'satisfies' if ok else 'CONTRADICTS'} the "
                      f"bound {'≥' if bound == 'lower_bound' else '≤'} {fmt(other)} published earlier")
    if other == copy:
        return copy, ("identical values; the copy of the GSO table itself is preferred over a secondary page "
                      "that cites it")
    if abs(other - copy) <= 0.5 and other != round(other):
        return other, (f"the two agree within the rounding of the PX-Web copy ({fmt(copy)}, whole thousands); "
                       "the value with one more decimal is kept")
    return None


def write(path: Path, columns: list[str], rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({c: ("" if r.get(c) is None else r.get(c)) for c in columns})
    tmp.replace(path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--facts", type=Path, default=DEFAULT_FACTS)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    counts = build(args.facts, args.out)
    print(", ".join(f"{k}: {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
