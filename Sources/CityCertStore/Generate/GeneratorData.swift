import CityCertCore
/// The invented names a generated store is made of: cities, people, affiliations, standards items.
///
/// Everything here is illustrative (real city names, invented people); a generated store is for
/// benchmarks and tests, never for a real round.
enum GeneratorData {
    /// A city: Korean and romanized names, province, and a typical population.
    struct City {
        let ko: String, en: String, slug: String, provinceKo: String, provinceEn: String, population: Int
    }

    static let cities: [City] = [
        City(ko: "수원시", en: "Suwon-si", slug: "suwon", provinceKo: "경기도", provinceEn: "Gyeonggi-do", population: 1_190_000),
        City(ko: "고양시", en: "Goyang-si", slug: "goyang", provinceKo: "경기도", provinceEn: "Gyeonggi-do", population: 1_070_000),
        City(ko: "용인시", en: "Yongin-si", slug: "yongin", provinceKo: "경기도", provinceEn: "Gyeonggi-do", population: 1_070_000),
        City(ko: "창원시", en: "Changwon-si", slug: "changwon", provinceKo: "경상남도", provinceEn: "Gyeongsangnam-do", population: 1_010_000),
        City(ko: "성남시", en: "Seongnam-si", slug: "seongnam", provinceKo: "경기도", provinceEn: "Gyeonggi-do", population: 920_000),
        City(ko: "화성시", en: "Hwaseong-si", slug: "hwaseong", provinceKo: "경기도", provinceEn: "Gyeonggi-do", population: 900_000),
        City(ko: "청주시", en: "Cheongju-si", slug: "cheongju", provinceKo: "충청북도", provinceEn: "Chungcheongbuk-do", population: 850_000),
        City(ko: "부천시", en: "Bucheon-si", slug: "bucheon", provinceKo: "경기도", provinceEn: "Gyeonggi-do", population: 790_000),
        City(ko: "남양주시", en: "Namyangju-si", slug: "namyangju", provinceKo: "경기도", provinceEn: "Gyeonggi-do", population: 730_000),
        City(ko: "전주시", en: "Jeonju-si", slug: "jeonju", provinceKo: "전북특별자치도", provinceEn: "Jeonbuk State", population: 640_000),
        City(ko: "천안시", en: "Cheonan-si", slug: "cheonan", provinceKo: "충청남도", provinceEn: "Chungcheongnam-do", population: 660_000),
        City(ko: "안산시", en: "Ansan-si", slug: "ansan", provinceKo: "경기도", provinceEn: "Gyeonggi-do", population: 630_000),
        City(ko: "김해시", en: "Gimhae-si", slug: "gimhae", provinceKo: "경상남도", provinceEn: "Gyeongsangnam-do", population: 535_000),
        City(ko: "평택시", en: "Pyeongtaek-si", slug: "pyeongtaek", provinceKo: "경기도", provinceEn: "Gyeonggi-do", population: 590_000),
        City(ko: "포항시", en: "Pohang-si", slug: "pohang", provinceKo: "경상북도", provinceEn: "Gyeongsangbuk-do", population: 500_500),
        City(ko: "시흥시", en: "Siheung-si", slug: "siheung", provinceKo: "경기도", provinceEn: "Gyeonggi-do", population: 515_000),
        City(ko: "춘천시", en: "Chuncheon-si", slug: "chuncheon", provinceKo: "강원특별자치도", provinceEn: "Gangwon State", population: 286_000),
        City(ko: "강릉시", en: "Gangneung-si", slug: "gangneung", provinceKo: "강원특별자치도", provinceEn: "Gangwon State", population: 210_000),
        City(ko: "원주시", en: "Wonju-si", slug: "wonju", provinceKo: "강원특별자치도", provinceEn: "Gangwon State", population: 361_000),
        City(ko: "안동시", en: "Andong-si", slug: "andong", provinceKo: "경상북도", provinceEn: "Gyeongsangbuk-do", population: 154_000),
        City(ko: "나주시", en: "Naju-si", slug: "naju", provinceKo: "전라남도", provinceEn: "Jeollanam-do", population: 116_000),
        City(ko: "세종특별자치시", en: "Sejong", slug: "sejong", provinceKo: "세종특별자치시", provinceEn: "Sejong", population: 386_000),
        City(ko: "여수시", en: "Yeosu-si", slug: "yeosu", provinceKo: "전라남도", provinceEn: "Jeollanam-do", population: 272_000),
        City(ko: "순천시", en: "Suncheon-si", slug: "suncheon", provinceKo: "전라남도", provinceEn: "Jeollanam-do", population: 276_000),
        City(ko: "목포시", en: "Mokpo-si", slug: "mokpo", provinceKo: "전라남도", provinceEn: "Jeollanam-do", population: 214_000),
        City(ko: "군산시", en: "Gunsan-si", slug: "gunsan", provinceKo: "전북특별자치도", provinceEn: "Jeonbuk State", population: 260_000),
        City(ko: "익산시", en: "Iksan-si", slug: "iksan", provinceKo: "전북특별자치도", provinceEn: "Jeonbuk State", population: 271_000),
        City(ko: "경주시", en: "Gyeongju-si", slug: "gyeongju", provinceKo: "경상북도", provinceEn: "Gyeongsangbuk-do", population: 248_000),
        City(ko: "구미시", en: "Gumi-si", slug: "gumi", provinceKo: "경상북도", provinceEn: "Gyeongsangbuk-do", population: 408_000),
        City(ko: "진주시", en: "Jinju-si", slug: "jinju", provinceKo: "경상남도", provinceEn: "Gyeongsangnam-do", population: 341_000),
        City(ko: "거제시", en: "Geoje-si", slug: "geoje", provinceKo: "경상남도", provinceEn: "Gyeongsangnam-do", population: 238_000),
        City(ko: "양산시", en: "Yangsan-si", slug: "yangsan", provinceKo: "경상남도", provinceEn: "Gyeongsangnam-do", population: 354_000),
        City(ko: "충주시", en: "Chungju-si", slug: "chungju", provinceKo: "충청북도", provinceEn: "Chungcheongbuk-do", population: 208_000),
        City(ko: "아산시", en: "Asan-si", slug: "asan", provinceKo: "충청남도", provinceEn: "Chungcheongnam-do", population: 340_000),
        City(ko: "서산시", en: "Seosan-si", slug: "seosan", provinceKo: "충청남도", provinceEn: "Chungcheongnam-do", population: 176_000),
        City(ko: "제주시", en: "Jeju-si", slug: "jeju", provinceKo: "제주특별자치도", provinceEn: "Jeju", population: 492_000),
        City(ko: "서귀포시", en: "Seogwipo-si", slug: "seogwipo", provinceKo: "제주특별자치도", provinceEn: "Jeju", population: 183_000),
        City(ko: "대전광역시", en: "Daejeon", slug: "daejeon", provinceKo: "대전광역시", provinceEn: "Daejeon", population: 1_440_000),
        City(ko: "광주광역시", en: "Gwangju", slug: "gwangju", provinceKo: "광주광역시", provinceEn: "Gwangju", population: 1_420_000),
        City(ko: "울산광역시", en: "Ulsan", slug: "ulsan", provinceKo: "울산광역시", provinceEn: "Ulsan", population: 1_100_000),
    ]

    /// Family names with their romanization (the member id), and given names.
    static let surnames: [(ko: String, en: String)] = [
        ("김", "kim"), ("이", "lee"), ("박", "park"), ("최", "choi"), ("정", "jung"), ("강", "kang"), ("조", "cho"),
        ("윤", "yoon"), ("장", "jang"), ("임", "lim"), ("한", "han"), ("오", "oh"), ("서", "seo"), ("신", "shin"),
        ("권", "kwon"), ("황", "hwang"), ("안", "ahn"), ("송", "song"), ("류", "ryu"), ("전", "jeon"),
    ]
    static let givenNames = ["민수", "서연", "준호", "지은", "우진", "수빈", "현우", "재현", "소영", "지우",
                             "예린", "도윤", "하은", "시우", "지호", "유나", "태민", "다은", "성민", "혜진"]
    static let affiliations = ["서울대학교 환경대학원", "한국교통연구원", "한양대학교 도시공학과", "한국지능정보사회진흥원",
                               "KAIST 건설및환경공학과", "서울시립대학교 공간정보공학과", "한국전자통신연구원",
                               "연세대학교 도시공학과", "국토연구원 스마트공간연구센터", "한국건설기술연구원"]

    /// The three fields and their items (3, 3 and 4 items; six indicators each: 60 in all).
    struct ItemSpec { let id: String, ko: String, en: String, prefix: String }
    static let fields: [(id: String, ko: String, en: String, items: [ItemSpec])] = [
        ("innovation", "혁신성", "Innovation", [
            ItemSpec(id: "open-data", ko: "데이터 개방", en: "Open data", prefix: "IN"),
            ItemSpec(id: "participation", ko: "시민 참여", en: "Citizen participation", prefix: "IN"),
            ItemSpec(id: "ecosystem", ko: "혁신 생태계", en: "Innovation ecosystem", prefix: "IN"),
        ]),
        ("governance", "거버넌스·제도", "Governance & Institutions", [
            ItemSpec(id: "planning", ko: "스마트도시 계획", en: "Smart city planning", prefix: "GV"),
            ItemSpec(id: "institutions", ko: "조례·제도", en: "Ordinances & institutions", prefix: "GV"),
            ItemSpec(id: "organization", ko: "추진 조직", en: "Organization", prefix: "GV"),
        ]),
        ("services", "서비스·기술·인프라", "Services, Technology & Infrastructure", [
            ItemSpec(id: "services", ko: "스마트 서비스", en: "Smart services", prefix: "ST"),
            ItemSpec(id: "platform", ko: "데이터 플랫폼", en: "Data platform", prefix: "ST"),
            ItemSpec(id: "infrastructure", ko: "정보통신 인프라", en: "ICT infrastructure", prefix: "ST"),
            ItemSpec(id: "security", ko: "정보 보호", en: "Information security", prefix: "ST"),
        ]),
    ]

    /// Per position in an item: points for large and small cities (each item: 200 large, 100 small;
    /// position 3 does not apply to small cities), and what the indicator measures.
    static let positions: [(large: String, small: String, quantitative: Bool, ko: String, en: String)] = [
        ("30", "20", true, "실적 건수", "count of results"),
        ("35", "17.5", false, "추진 체계", "arrangements"),
        ("40", "25", true, "이용률", "usage rate"),
        ("25", "0", false, "광역 연계", "regional integration"),
        ("35", "20", true, "처리 기간", "processing time"),
        ("35", "17.5", false, "성과 관리", "performance management"),
    ]

    static let levelTexts: [(ko: String, en: String)] = [
        ("전담 조직과 자동화된 관리 체계를 갖추고 성과를 공개함", "Dedicated team, automated management, results published"),
        ("정기 점검을 하고 발견된 문제를 기한 내에 개선함", "Regular reviews; problems found are fixed on time"),
        ("지침은 있으나 점검이 비정기적임", "Guidelines exist but reviews are irregular"),
        ("일부 사업에서만 시범적으로 운영함", "Piloted in some projects only"),
        ("계획 단계임", "At the planning stage"),
    ]

    static let narratives = [
        "2023년부터 전담 조직을 두고 분기마다 점검 결과를 시 누리집에 공개하고 있음",
        "관련 조례를 제정하고 시민 참여단을 운영하여 연 2회 의견을 반영함",
        "국토교통부 공모사업과 연계하여 권역별로 확산하는 계획을 수립함",
        "통합운영센터와 경찰·소방의 연계 서비스를 24시간 운영 중임",
        "민간 기업과의 실증 협약을 맺고 규제 특례를 활용함",
    ]

    static let notes = [
        "포털에서 수치를 확인함", "증빙 자료의 기준일이 신청일과 다름", "현장에서 운영 현황을 확인함",
        "일부 실적이 중복 집계됨", "성과 지표의 산출 근거가 명확함", "향후 확산 계획 보완 필요",
    ]

    /// A long text of Korean sentences (the long-text profile): `count` sentences, a line break
    /// now and then.
    static func longText(_ count: Int, _ rng: inout SplitMix64) -> String {
        var out = ""
        for i in 0..<count {
            if i > 0 { out += rng.chance(15) ? "\n" : " " }
            out += (rng.chance(50) ? rng.pick(narratives) : rng.pick(notes)) + "."
        }
        return out
    }

    static let conflictReasons = [
        "해당 시의 스마트도시계획 수립 용역에 책임연구원으로 참여함",
        "해당 시 데이터 플랫폼 구축 사업의 기술자문위원으로 활동 중임",
        "해당 시 소속 공무원과 친족 관계임",
        "신청기관이 이해충돌을 이유로 기피를 신청함",
    ]
}
