import CityCertCore
import Foundation

extension StoreActionError {
    /// The message in a language: the store's (English) text, or its Korean translation.
    ///
    /// The store words its refusals once, in English, where it refuses; the translations live here,
    /// one pattern per refusal a member or the chair can meet (`RefusalTextTests` checks each),
    /// so the rules stay in one place and the screens and `score`/`sheet` speak the member's
    /// language. A message without a pattern (a disk error) stays as it is.
    public func message(_ language: Language) -> String {
        guard language == .ko else { return message }
        return RefusalText.korean(message) ?? message
    }
}

/// The Korean of the store's refusals, by pattern.
enum RefusalText {
    /// (English pattern, Korean template with `$1`…): tried in order, the whole message must match.
    static let table: [(String, String)] = [
        (#"(\S+) is not an applicable indicator of (\S+)"#, "$1은(는) $2에 적용되는 지표가 아닙니다"),
        (#"your (written|site) sheet for (\S+) is submitted: reopen it to change it"#, "$2의 $1 평가표는 제출되었습니다. 바꾸려면 다시 여세요"),
        (#"(\S+) is quantitative: enter a value, not a level"#, "$1은(는) 정량 지표입니다. 수준이 아니라 값을 입력하세요"),
        (#"(\S+) is qualitative: choose a level, not a value"#, "$1은(는) 정성 지표입니다. 값이 아니라 수준을 고르세요"),
        (#"(\S+) has no level (\S+) \(levels: (.*)\)"#, "$1에는 $2 수준이 없습니다 (수준: $3)"),
        (#"(\S+): the value (\S+) is out of range \(it must be below 10\^15 in magnitude\)"#, "$1: 값 $2은(는) 범위를 벗어납니다 (절댓값이 10^15 미만이어야 합니다)"),
        (#"(\S+): (\S+) is outside the range of this indicator \((.*)\)"#, "$1: $2은(는) 이 지표의 허용 범위($3)를 벗어납니다"),
        (#"(\S+): a note or question is limited to 16 KiB"#, "$1: 메모와 질의는 16 KiB까지입니다"),
        (#"cannot submit: (\d+) indicator\(s\) have no entry: (.*); nothing was saved"#, "제출할 수 없습니다: $1개 지표 미입력: $2. 아무것도 저장하지 않았습니다"),
        (#"cannot submit: (\d+) indicator\(s\) have no entry: (.*)"#, "제출할 수 없습니다: $1개 지표 미입력: $2"),
        (#"'(\S+)' is not a member of the committee"#, "'$1'은(는) 위원회 위원이 아닙니다"),
        (#"(.+) is the secretary and does not score"#, "$1은(는) 간사이므로 평가하지 않습니다"),
        (#"(\S+) is invalid and cannot be scored"#, "$1은(는) 유효하지 않아 평가할 수 없습니다"),
        (#"no application '(\S+)'"#, "신청서 '$1'이(가) 없습니다"),
        (#"no valid application '(\S+)'"#, "유효한 신청서 '$1'이(가) 없습니다"),
        (#"(.+) has a conflict of interest on (\S+) and cannot score it"#, "$1은(는) $2에 이해충돌이 있어 평가할 수 없습니다"),
        (#"(.+) is not on the site team of (\S+)"#, "$1은(는) $2의 현장실사 위원이 아닙니다"),
        (#"(\S+) is final: the chair must reopen it before any sheet changes"#, "$1은(는) 확정되었습니다. 평가표를 바꾸려면 위원장이 확정을 취소해야 합니다"),
        (#"(\S+) is final \(the audit log finalized it; its decision file is missing: run `citycert verify --repair`\)"#,
         "$1은(는) 확정되었습니다 (감사 로그에 확정 기록이 있으나 의결 파일이 없습니다: `citycert verify --repair`를 실행하세요)"),
        (#"(\S+) is already final \((.*)\)"#, "$1은(는) 이미 확정되었습니다 ($2)"),
        (#"(\S+) is already final"#, "$1은(는) 이미 확정되었습니다"),
        (#"(\S+) is not final"#, "$1은(는) 확정되지 않았습니다"),
        (#"(\S+) is not complete; still to submit — (.*)"#, "$1 평가가 끝나지 않았습니다. 미제출 — $2"),
        (#"only (\d+) eligible member\(s\) remain on (\S+); (\S+) needs (\d+)"#, "$2에 평가할 수 있는 위원이 $1명뿐입니다. $3에는 $4명이 필요합니다"),
        (#"the audit log itself fails verification; nothing is repaired from it"#, "감사 로그 자체가 검증에 실패하여 아무것도 복구하지 않습니다"),
        (#"only the chair finalizes or reopens an application"#, "신청서 확정과 확정 취소는 위원장만 할 수 있습니다"),
        (#"(.+) changed since the store was opened: read the store again \(r\) and check before deciding"#,
         "저장소를 연 뒤 $1이(가) 바뀌었습니다. 다시 읽고(r) 확인한 뒤 결정하세요"),
        (#"say why (\S+) is reopened: the reason is kept in the audit log"#, "$1의 확정을 취소하는 사유를 적으세요. 사유는 감사 기록에 남습니다"),
        (#"the range (\S+)–(\S+) \(grades (\d+)–(\d+)\) crosses the certification line: give a note saying why the grade stands"#,
         "가능 범위 $1–$2($3–$4등급)가 인증선을 넘나듭니다. 등급을 유지하는 이유를 메모로 남기세요"),
        (#"acting as (.+) \((\S+)\) requires being the operating-system user '(\S+)'; you are '(\S+)'"#,
         "$1($2)(으)로 평가하려면 운영체제 사용자 '$3'(으)로 로그인해야 합니다. 현재 사용자: '$4'"),
        (#"you are '(\S+)', the login of (.+) \((\S+)\): you can act only as (\S+), not as (\S+)"#,
         "현재 사용자 '$1'은(는) $2($3)의 로그인입니다. $4(으)로만 평가할 수 있고 $5(으)로는 할 수 없습니다"),
        // Signatures and the seal (issue 13).
        (#"(\S+) has a signing key in committee.yaml, so every record must be signed: (.*)"#,
         "$1은(는) committee.yaml에 서명 키가 있어 모든 기록에 서명해야 합니다: $2"),
        (#"(\S+) has a signing key in committee.yaml, and no private key is available here to sign with: refused"#,
         "$1은(는) committee.yaml에 서명 키가 있으나 여기에는 서명할 개인 키가 없어 거부합니다"),
        (#"the private key (\S+) is not (\S+)'s key in committee.yaml \(its public key is (\S+)\): refused"#,
         "개인 키 $1은(는) committee.yaml에 있는 $2의 키가 아니므로 거부합니다 (공개 키 $3)"),
        (#"only the secretary or the chair seals the round"#, "평가 회차 봉인은 간사나 위원장만 할 수 있습니다"),
        (#"(\S+) cannot be read"#, "$1을(를) 읽을 수 없습니다"),
        (#"(\S+) is damaged; see `citycert validate`"#, "$1이(가) 손상되었습니다. `citycert validate`를 보세요"),
        (#"(\S+) is damaged; it is left as it is \(see `citycert validate` and `citycert verify`\)"#,
         "$1이(가) 손상되어 그대로 둡니다 (`citycert validate`, `citycert verify` 참조)"),
        (#"(\S+) names another member or application; it is left as it is \(see `citycert validate`\)"#,
         "$1에 다른 위원이나 신청서가 적혀 있어 그대로 둡니다 (`citycert validate` 참조)"),
        (#"(\S+) does not agree with the audit log \(changed outside citycert\?\); run `citycert verify --store (.*)`"#,
         "$1이(가) 감사 로그와 맞지 않습니다 (citycert 밖에서 바뀌었습니까?). `citycert verify --store $2`를 실행하세요"),
        (#"(\S+) is larger than 4 MiB"#, "$1이(가) 4 MiB보다 큽니다"),
        (#"(\S+): the header line '(\S+):' is missing \(export the form again with `citycert sheet export`\)"#,
         "$1: 머리 줄 '$2:'이(가) 없습니다 (`citycert sheet export`로 양식을 다시 내보내세요)"),
        (#"(\S+) is stale: (\S+)'s (\S+) sheet changed since the form was exported \(form (\S+), now (\S+)\)\. Export it again, redo your changes there, and upload that\."#,
         "$1은(는) 오래된 양식입니다: 양식을 내보낸 뒤 $2의 $3 평가표가 바뀌었습니다 (양식 $4, 현재 $5). 다시 내보내 변경을 옮긴 뒤 올리세요."),
        // The lines of an uploaded form (`sheet import`): `form.txt:12: …`.
        (#"expected 'key: value'"#, "'키: 값' 형식이어야 합니다"),
        (#"'(\S+)' appears twice"#, "'$1'이(가) 두 번 나옵니다"),
        (#"(\S+) appears twice"#, "$1이(가) 두 번 나옵니다"),
        (#"'(\S+)' is not an indicator of the standards \((\S+)\)"#, "'$1'은(는) 평가기준($2)의 지표가 아닙니다"),
        (#"unsupported form version '(.*)'"#, "지원하지 않는 양식 버전 '$1'"),
        (#"'(\S+)' is not a valid application id"#, "'$1'은(는) 올바른 신청서 ID가 아닙니다"),
        (#"this form is (\S+)'s sheet; you are acting as (\S+)"#, "이 양식은 $1의 평가표입니다. 현재 $2(으)로 작업 중입니다"),
        (#"phase must be written or site"#, "phase는 written 또는 site여야 합니다"),
        (#"(\S+) is not applicable to (\S+) \((\S+) city\)"#, "$1은(는) $2($3 city)에 적용되지 않습니다"),
        (#"(\S+): '(.*)' is not a number \(quantitative indicator; magnitude below 10\^15\)"#, "$1: '$2'은(는) 숫자가 아닙니다 (정량 지표, 절댓값 10^15 미만)"),
        (#"(\S+): '(.*)': a comma is read only as a thousands separator \(1,234\); write a decimal point \(0\.5\) \(quantitative indicator\)"#,
         "$1: '$2': 쉼표는 천 단위 구분(1,234)으로만 읽습니다. 소수점은 점으로 쓰세요 (예: 0.5)"),
        (#"(\S+): '(.*)' is not a number \(quantitative indicator\)"#, "$1: '$2'은(는) 숫자가 아닙니다 (정량 지표)"),
        (#"(\S+): '(.*)' is too large \(below 10\^15\) \(quantitative indicator\)"#, "$1: '$2'은(는) 너무 큽니다 (10^15 미만, 정량 지표)"),
        (#"(\S+): '(.*)' is not a level of this indicator \((.*)\)"#, "$1: '$2'은(는) 이 지표의 수준이 아닙니다 ($3)"),
    ]

    static let located = try! NSRegularExpression(pattern: #"^(.+?:\d+: )(.*)$"#, options: [.dotMatchesLineSeparators])

    static let compiled: [(NSRegularExpression, String)] = table.map { (try! NSRegularExpression(pattern: "^" + $0.0 + "$", options: [.dotMatchesLineSeparators]), $0.1) }

    /// The Korean of a refusal, nil when no pattern matches it.
    static func korean(_ english: String) -> String? {
        let range = NSRange(english.startIndex..., in: english)
        // `source:line: message`: the message is translated.
        if let match = located.firstMatch(in: english, range: range),
           let place = Range(match.range(at: 1), in: english), let rest = Range(match.range(at: 2), in: english) {
            return korean(String(english[rest])).map { english[place] + $0 }
        }
        for (regex, template) in compiled {
            guard let match = regex.firstMatch(in: english, range: range) else { continue }
            var out = regex.replacementString(for: match, in: english, offset: 0, template: template)
            // Phase names inside a translation.
            out = out.replacingOccurrences(of: "의 written 평가표", with: "의 서면평가 평가표").replacingOccurrences(of: "의 site 평가표", with: "의 현장실사 평가표")
                .replacingOccurrences(of: "미제출 — written: ", with: "미제출 — 서면평가: ").replacingOccurrences(of: "; site: ", with: "; 현장실사: ")
                .replacingOccurrences(of: "미제출 — site: ", with: "미제출 — 현장실사: ")
            return out
        }
        return nil
    }
}
