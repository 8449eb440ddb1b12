"""A rule set's vocabularies compiled into look-ups: roles, education levels, sexes and yes/no words."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from eligibility.roster.normalise import fold
from eligibility.ruleset.model import Vocabularies

# "高中（中专）", "本科（在职）": the bracketed part qualifies the level or repeats it.
_BRACKETS = re.compile(r"[(（\[【]([^)）\]】]*)[)）\]】]")
# Between levels of which a cell names one: 中专/职高, 中专、职高, 高中或中专.
_ALTERNATIVES = re.compile(r"[/／、]|或")
# Words in a bracket after a level that put it in doubt: not finished, left, not yet checked, a question.
_IN_DOUBT = re.compile(
    r"没|未|无毕业|无文凭|无证|不[详清明]|不是|辍|退学|肄|中途|待|核|[?？]|实为|读过|存疑|假"
)
# Words that join two posts in one item of a roles cell: white space, 和, 及, 与.
_JOINED_POSTS = re.compile(r"\s+|和|及|与")


# Brackets in a street's name (东湖街道（办事处）): read as not there. NFKC has made the full-width ones ( ).
_STREET_BRACKETS = str.maketrans("", "", "()[]【】〔〕")


class StreetNames:
    """Which streets (townships) a roster's rows name alike: a street's own name (东湖) and the kind of place
    its ending says (街道 for 东湖街道, 东湖街道办事处 and 东湖党工委; 镇 for 东湖镇人民政府), from the rule
    set's words (places.street_words). A name only of such words (街道) is its own name, of no kind. `column`:
    how the rule set heads a roster's street column (街道, a village's 乡镇), for what is said of it. `committees`:
    what a roster's name writes after its street's for its villages' committees (村两委, places.committee_words)."""

    def __init__(
        self,
        kinds: dict[str, list[str]],
        column: str = "街道",
        community: str = "社区",
        committees: Sequence[str] = (),
    ) -> None:
        self.column = column
        self.community = community  # how it heads the community column (社区, a village's 村), likewise
        # The longer first: 村（社区）两委 before 社区两委.
        self.committees = tuple(
            sorted({fold(word) for word in committees} - {""}, key=lambda w: (-len(w), w))
        )
        # The longer ending first: 东湖街道办事处 ends in 办事处 too.
        self._endings = sorted(
            {(fold(word), kind) for kind, words in kinds.items() for word in words if fold(word)},
            key=lambda ending: (-len(ending[0]), ending),
        )
        self._known: dict[str, tuple[str, str]] = {}

    def key(self, street: str) -> tuple[str, str]:
        """(own name, kind) of a street as written; kind "" for one written by its own name alone (东湖)."""
        found = self._known.get(street)
        if found is None:
            name = fold(street).translate(_STREET_BRACKETS)
            found = (name, "")
            for ending, kind in self._endings:
                if len(name) > len(ending) and name.endswith(ending):
                    found = (name[: -len(ending)], kind)
                    break
            if len(self._known) < 100_000:  # a province has a few thousand streets
                self._known[street] = found
        return found

    def own(self, street: str) -> str:
        """The street's own name: 东湖 of 东湖街道办事处."""
        return self.key(street)[0]


# Where a sentence of a remark ends: 。；！, white space (a line break, which the cell's cleaning made one space) or a
# list's number (1、 2. 3) (4), ① as NFKC leaves it when not made a digit): 无两违问题 on one line says nothing of
# 有违建未整改 on the next, nor does a refutation. Not a question mark, nor space beside a colon or one: what follows
# is the answer (两违？否, 两违: 无, 两违：⏎无). A number is one or two digits no digit or point stands by (1.5万元).
_SENTENCE_ENDS = re.compile(r"[。;；!！\s]+|(?<![\d.])\d{1,2}[、.)）](?![\d.])|[(（]\d{1,2}[)）]|[①-⑳]")
# Where a clause of a sentence ends: a comma (承诺不拉票、不贿选 is one clause, the list one negation's).
_CLAUSE_ENDS = re.compile(r"[，,]+")
_ANSWERED = re.compile(r"\s*([:：?？])\s*")
# What may close a clause after its answer: 两违（无） ends with 无 as 两违：无 does.
_CLOSING = ")）]】」』\"”'’"
# Right before a refutation, what says it is not (yet) so: 尚未排除嫌疑, 未予以澄清, 不能排除嫌疑. 未 alone is no
# negation of a bar (未整改的违建), only of the refutation it stands against.
_NOT_YET = re.compile(r"[未不]能?$")


def _longest_first(words: Sequence[str]) -> list[str]:
    """The words folded, the longer first: at one place, 违法建设 is found, not 违法 within it."""
    return sorted({fold(word) for word in words} - {""}, key=lambda word: (-len(word), word))


def _any_of(words: Sequence[str], kept: Sequence[str] = ()) -> re.Pattern[str] | None:
    """One pattern of any of the words, folded, the longer first; none for no words. `kept`: words tried first at
    each place, the pattern's one group, which _blotted leaves as written."""
    ordered = _longest_first(words)
    if not ordered:
        return None
    alternatives = list(map(re.escape, ordered))
    if first := _longest_first(kept):
        alternatives.insert(0, f"({'|'.join(map(re.escape, first))})")
    return re.compile("|".join(alternatives))


def _blotted(pattern: re.Pattern[str] | None, text: str) -> str:
    """The text with the pattern's words made NULs, its length kept, so a place in one is a place in the other;
    a word of its first group, if it has one, kept."""
    return (
        pattern.sub(lambda word: word[0] if word.lastindex else "\0" * len(word[0]), text)
        if pattern
        else text
    )


class MentionFinder:
    """The words of a list a remark names (两违户 names 两违), each in a clause no negation word says is not so:
    before the word with no conjunction between (无两违问题, 未发现违法建设, 非两违户; not 开除党籍 in 免予刑事处罚并开除党籍),
    or any between after what a check did not find (`findings`: 未发现其任职后有违建), or ending the clause after it
    (两违：无, 两违（无）). Built once per condition. A word of the list that holds a
    negation word (无证建房) is found whole, and so not negated; nor does a word that holds one and negates nothing
    (`not_negations`: 是否有违建：是, 非法违建); a word that holds one of the list and names no bar (`not_mentions`:
    吸毒人员帮教) is no mention, but one within a word of the list (两违整治未完成) is found whole. A refutation
    (`refutations`: 经查不属实, 查无实据) undoes the accusation it answers: the words its clause names before it, or,
    no word of any list (`accusations`) there, those of the nearest clause before it in its sentence that names one
    (群众反映有违建，经查不属实 and 曾被举报贿选，经调查，无此事 name none; 2019年受处分，举报其贿选经查不属实 still names
    处分). One negated (尚未排除嫌疑) undoes nothing."""

    def __init__(
        self,
        words: list[str],
        negations: list[str],
        not_negations: Sequence[str] = (),
        refutations: Sequence[str] = (),
        conjunctions: Sequence[str] = (),
        not_mentions: Sequence[str] = (),
        accusations: Sequence[str] = (),
        findings: Sequence[str] = (),
    ) -> None:
        self._words = re.compile("|".join(map(re.escape, _longest_first(words))))
        # Any list's words, this one's among them: what says a refutation's clause answers an accusation of its own.
        self._accused = re.compile("|".join(map(re.escape, _longest_first([*words, *accusations]))))
        self._negations = frozenset(fold(word) for word in negations) - {""}
        self._ending = tuple(self._negations)
        # The negations whose reach no conjunction ends: 未发现其任职后有违建.
        self._findings = self._negations & {fold(word) for word in findings}
        # Negations and conjunctions read in the order written, the last before a word saying whether it is negated.
        self._reach = _any_of([*self._negations, *conjunctions]) if self._negations else None
        # Blotted out where the negation words are looked for: 是否 is no 否.
        self._plain = _any_of(not_negations)
        # Blotted out where the words are looked for: 吸毒人员帮教 names no 吸毒. Not within a word of the list that
        # holds one, found whole (两违整治未完成: the person's own 两违 not cleared, where 负责两违整治 is a post's work).
        unsaid = _longest_first(not_mentions)
        self._spoken = _any_of(unsaid, [word for word in words if any(post in fold(word) for post in unsaid)])
        self._refuting = _any_of(refutations)

    def __call__(self, text: str) -> list[str]:
        """The words found, as the text writes them, each once, in the order written."""
        if self._words.search(text.casefold()) is None:
            return []  # the common remark: none of the words, one search
        found: list[str] = []
        for sentence in _SENTENCE_ENDS.split(_ANSWERED.sub(r"\1", text)):
            named: list[list[str]] = []  # each clause's words still said
            accusing: list[int] = []  # the clauses that name an accusation, by place in `named`
            for clause in _CLAUSE_ENDS.split(sentence):
                key = clause.casefold()
                said, spoken = _blotted(self._plain, key), _blotted(self._spoken, key)
                words: list[tuple[int, str]] = []
                for match in self._words.finditer(spoken):
                    after = said[match.end() :].rstrip(_CLOSING)
                    if self._negated(said, match.start()) or after.endswith(self._ending):
                        continue
                    # Quoted from the cell; a letter casefold lengthens (ß) leaves the word as the list has it.
                    word = clause[match.start() : match.end()] if len(key) == len(clause) else match[0]
                    words.append((match.start(), word))
                for refutation in self._refuting.finditer(key) if self._refuting else ():
                    at = refutation.start()
                    if self._negated(said, at) or _NOT_YET.search(said, 0, at):
                        continue  # 尚未排除嫌疑: the suspicion stands
                    if self._accused.search(spoken, 0, at):
                        words = [(start, word) for start, word in words if start >= at]
                    elif accusing:
                        # 群众反映有违建，经查不属实 and 曾被举报贿选，经调查，无此事: the nearest clause before that
                        # accuses, what stands between (经调查) saying only how it was found untrue.
                        named[accusing[-1]] = []
                if self._refuting and self._accused.search(spoken):
                    accusing.append(len(named))
                named.append([word for _, word in words])
            for word in (word for clause in named for word in clause):
                if word not in found:
                    found.append(word)
        return found

    def _negated(self, said: str, at: int) -> bool:
        """Whether a negation word before `at` in the clause reaches it: the last negation or conjunction before it
        is a negation (无违建; not 免予处罚并开除党籍), or the last negation is a finding's, which no conjunction ends
        (未发现其任职后有违建; not 不予录用后有违建)."""
        negated = finding = False
        for word in self._reach.finditer(said, 0, at) if self._reach else ():
            if word[0] in self._negations:
                negated, finding = True, word[0] in self._findings
            else:
                negated = finding
        return negated


@dataclass(frozen=True, slots=True)
class Unknown:
    """A word the vocabulary does not know, with the closest known words."""

    word: str
    suggestions: tuple[str, ...]


def suggest(word: str, known: list[str], cutoff: float = 0.5, ordered: bool = False) -> tuple[str, ...]:
    """The three known words closest to `word`, as difflib scores them. `ordered`: of words as close, the one
    listed first, where difflib puts the later string in code-point order first."""
    if not ordered:
        return tuple(difflib.get_close_matches(word, known, n=3, cutoff=cutoff))
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    scored = []
    for index, name in enumerate(dict.fromkeys(known)):
        matcher.set_seq1(name)
        if (
            matcher.real_quick_ratio() >= cutoff
            and matcher.quick_ratio() >= cutoff
            and (ratio := matcher.ratio()) >= cutoff
        ):
            scored.append((-ratio, index, name))
    return tuple(name for _, _, name in sorted(scored)[:3])


class Vocabulary:
    """Look-ups built once per rule set, used for every cell."""

    def __init__(self, words: Vocabularies) -> None:
        self.words = words
        self.role_of: dict[str, str] = {}
        for role_id, role in words.roles.items():
            for alias in (role_id, role.zh, role.en, *role.aliases):
                self.role_of[fold(alias)] = role_id
        self.roles_of: dict[str, tuple[str, ...]] = {
            fold(w): tuple(held) for w, held in words.role_sets.items()
        }
        # The longer remark first: 拟任 inside 拟任职 is not left as 职.
        self.role_remarks = sorted({fold(w) for w in words.role_remarks if fold(w)}, key=lambda w: -len(w))
        self.body_of_role = {role_id: role.body for role_id, role in words.roles.items()}
        self.principal_roles = frozenset(r for r, role in words.roles.items() if role.principal)
        self._principal_names = frozenset(
            fold(name) for r in self.principal_roles for name in (words.roles[r].zh, *words.roles[r].aliases)
        )
        self.level_ids = [level.id for level in words.education]
        self.rank_of: dict[str, int] = {level.id: rank for rank, level in enumerate(words.education)}
        self.level_of: dict[str, str] = {}
        for level in words.education:
            for alias in (level.id, level.zh, level.en, *level.aliases):
                self.level_of[fold(alias)] = level.id
        self.incomplete_of = {
            level.id: level.incomplete or self.level_ids[max(rank - 1, 0)]
            for rank, level in enumerate(words.education)
        }
        self.no_diploma = tuple(fold(word) for word in words.no_diploma)
        self.filler = tuple(fold(word) for word in words.filler if fold(word))
        # The longer word first: 初中及以下 ends in 以下 too, and 初中及 is no level.
        self.bounds = sorted(
            [(fold(w), "below") for w in words.or_below if fold(w)]
            + [(fold(w), "above") for w in words.or_above if fold(w)],
            key=lambda bound: -len(bound[0]),
        )
        self.gender_of = {fold(w): "male" for w in words.genders.male} | {
            fold(w): "female" for w in words.genders.female
        }
        self.truth_of = {fold(w): True for w in words.yes} | {fold(w): False for w in words.no}
        self.political_of = {
            fold(word): status
            for status, aliases in words.political_statuses.items()
            for word in (status, *aliases)
        }
        self.streets = StreetNames(
            words.places.street_words,
            words.places.street,
            words.places.community,
            words.places.committee_words,
        )

    # ---- roles ----

    def roles(self, word: str) -> tuple[str, ...] | Unknown:
        """The roles one item of a roles cell names: one (书记), several (一肩挑), or none (连任, a remark). A
        remark may be written into the role (连任书记, 拟任主任); roles parted by spaces (党支部书记 居委会主任)
        are each read."""
        key = fold(word)
        if (found := self._roles_of_key(key)) is not None:
            return found
        for remark in self.role_remarks:
            key = key.replace(remark, "")
        if (found := self._roles_of_key(key)) is not None:
            return found
        # Posts joined by a word rather than a separator (党支部书记和居委会主任, as the notice itself writes the
        # two), or by spaces: each read, when every one is a post (helper-54).
        parts = [part for part in _JOINED_POSTS.split(word) if part]
        if len(parts) > 1:
            each = [self.roles(part) for part in parts]
            if not any(isinstance(found, Unknown) for found in each):
                return tuple(r for found in each for r in found)  # type: ignore[union-attr]
        # Suggested by the role's own name: 调解委员, nearest to 委员, is an alias of 居委会委员, which is meant.
        name_of = {name: r.zh for r in self.words.roles.values() for name in (r.zh, *r.aliases)}
        name_of |= {name: name for name in self.words.role_sets}
        # A principal's title with other words before it (团支部书记, 治调主任) is another body's post: a
        # suggestion from it (党组织书记 for the youth league's secretary) would seat a principal.
        before = [key[: -len(name)] for name in self._principal_names if key.endswith(name)]
        if any(words and not words.endswith("副") for words in before):
            return Unknown(word, ())  # (居委副主任, a deputy's post, is suggested as ever)
        close = suggest(word, list(name_of))
        return Unknown(word, tuple(dict.fromkeys(name_of[name] for name in close)))

    def is_role_set(self, word: str) -> bool:
        """Whether an item of a roles cell is a set of posts held by one person (一肩挑), remarks aside."""
        key = fold(word)
        for remark in self.role_remarks:
            key = key.replace(remark, "")
        return key in self.roles_of

    def _roles_of_key(self, key: str) -> tuple[str, ...] | None:
        if not key:
            return ()
        if key in self.role_of:
            return (self.role_of[key],)
        return self.roles_of.get(key)

    def role_names(self) -> str:
        return "、".join(role.zh for role in self.words.roles.values())

    # ---- education ----

    def level(self, text: str) -> str | Unknown:
        """The education level a free-text cell means; 肄业/结业 mean the level below was the last completed."""
        key = fold(text)
        # The marker first, wherever it is written (高中肄业, 高中（肄业）, 中专(结业), 高中（中专肄业）): looked for
        # only when the level was not found, a marker in brackets was dropped with them and 高中 read whole.
        for marker in self.no_diploma:
            if not marker or marker not in key:
                continue
            # 高中（大专肄业）: the course left unfinished is in brackets and above the level outside them, which
            # was completed. (高中（中专肄业）, the same level named again, is the 高中 itself left unfinished.)
            outer = self._level(_BRACKETS.sub("", key))
            for inside in _BRACKETS.findall(key):
                unfinished = self._level(inside.replace(marker, "")) if marker in inside else None
                if outer and unfinished and self.rank_of[unfinished] > self.rank_of[outer]:
                    return outer
            if (base := self._level(key.replace(marker, ""))) is not None:
                return self.incomplete_of[base]
        found = self._level(key)
        if found is None:
            # Of names as close, the levels' own (and each of 高中/中专) before aliases: a grade (初三, 高二) is
            # asked about its school, 初中 or 高中, not first 初小 or 高小 (old words for 小学), which difflib's
            # code-point order put first.
            names = [n for level in self.words.education for n in (level.zh, *_ALTERNATIVES.split(level.zh))]
            names += [alias for level in self.words.education for alias in level.aliases]
            return Unknown(text, suggest(text, names, ordered=True))
        return found

    def ranks(self, text: str) -> tuple[int, int] | Unknown:
        """The ranks an education cell allows, lowest first: one level's, or a level and all below or above it
        (初中及以下, 大专以上: 以下 and 以上 include the level named, 民法典 §1259)."""
        found = self.level(text)
        if isinstance(found, str):
            rank = self.rank_of[found]
            return rank, rank
        key = fold(text)
        for word in self.filler:
            key = key.replace(word, "")  # 初中及以下学历, 高中以上文化
        for word, side in self.bounds:
            if key.endswith(word) and len(key) > len(word):
                base = self.level(key[: -len(word)])
                if isinstance(base, str):
                    rank = self.rank_of[base]
                    return (0, rank) if side == "below" else (rank, len(self.level_ids) - 1)
        # 中专/职高, 高中或中专: one of the levels named, from the lowest to the highest of them.
        parts = [part for part in _ALTERNATIVES.split(key) if part]
        if len(parts) > 1:
            levels = [self.level(part) for part in parts]
            ranks = [self.rank_of[level] for level in levels if isinstance(level, str)]
            if len(ranks) == len(parts):
                return min(ranks), max(ranks)
        return found

    def _level(self, key: str) -> str | None:
        if key in self.level_of:
            return self.level_of[key]
        for word in self.filler:
            key = key.replace(word, "")
        if key in self.level_of:
            return self.level_of[key]
        if not _BRACKETS.search(key):
            return None
        # 大学（专科）, 党校（大专）: read as one word with the brackets taken out, a word the vocabulary knows.
        joined = _BRACKETS.sub(r"\1", key)
        if joined in self.level_of:
            return self.level_of[joined]
        bare = _BRACKETS.sub("", key)
        inside = {self.level_of[text] for text in _BRACKETS.findall(key) if text in self.level_of}
        outer = self.level_of.get(bare)
        if outer is not None:
            if any(_IN_DOUBT.search(text) for text in _BRACKETS.findall(key) if text not in self.level_of):
                # 高中（没毕业）, 中专（未取得毕业证）, 高中（辍学）, 高中(?): the note says the level was not
                # reached, or is not known. Read as 高中, a principal who never finished school passed (helper-88).
                return None
            # 高中（中专）, 本科（学士）: the bracket repeats the level. 大专（初中） says two levels: neither is taken.
            return outer if inside <= {outer} else None
        if bare and any(part in self.level_of for part in _ALTERNATIVES.split(bare)):
            return None  # 小学/初中（大专）: the bracket never stands for a choice of levels outside it
        # 全日制（本科）, （大专）: how it was studied, or nothing, outside; the level in the bracket. Two
        # different ones, （大专）（初中）, are neither.
        return next(iter(inside)) if len(inside) == 1 else None

    def level_names(self) -> str:
        return " < ".join(level.zh for level in self.words.education)

    # ---- sexes and yes/no ----

    def gender(self, text: str) -> str | None:
        return self.gender_of.get(fold(text))

    def gender_words(self) -> str:
        return "/".join([*self.words.genders.male, *self.words.genders.female])

    def political_status(self, text: str) -> str | None:
        """A 政治面貌 cell as the rules name it (党员 is 中共党员); as written when the rule set lists none; None
        for one it does not list."""
        if not self.political_of:
            return text
        return self.political_of.get(fold(text))

    def political_words(self) -> str:
        return "、".join(self.words.political_statuses)

    def truth(self, text: str) -> bool | None:
        folded = fold(text)
        # 无。 as a sentence ends: the full stop says nothing more.
        return self.truth_of.get(folded if folded[-1:] not in ("。", ".") else folded.rstrip("。."))

    def truth_words(self) -> str:
        return "、".join([*self.words.yes, *self.words.no])  # not "/", which is one of the words
