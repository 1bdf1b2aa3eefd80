"""Context decisions: negation, hedging, lists that are not the candidate's own, URLs."""

from __future__ import annotations

import time

import pytest

from skillmatch.context import Page, caps_neighbourhood, in_url
from skillmatch.matcher import SkillExtractor, get_extractor, key_string
from skillmatch.models import Mention, Section


def by_skill(ex: SkillExtractor, text: str) -> dict[str, Mention]:
    out: dict[str, Mention] = {}
    for m in ex.find(text):
        assert text[m.start : m.end] == m.text
        out.setdefault(m.skill_id, m)
    return out


# -- negation ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "negated", "credited"),
    [
        ("No experience with Kubernetes yet.", ["kubernetes"], []),
        ("Not familiar with Terraform or Ansible.", ["terraform", "ansible"], []),
        ("Did not use Jenkins; our pipelines were on Terraform.", ["jenkins"], ["terraform"]),
        ("I have never worked with AWS, only with Azure.", ["aws"], ["azure"]),
        ("Python and Django developer; no Java experience.", ["java"], ["python", "django"]),
        ("Unfamiliar with Golang but fluent in Python.", ["go"], ["python"]),
        ("I didn't use Docker in production.", ["docker"], []),
        ("No prior knowledge of Scala, but strong Java.", ["scala"], ["java"]),
    ],
)
def test_negation(ex: SkillExtractor, text: str, negated: list[str], credited: list[str]) -> None:
    found = by_skill(ex, text)
    for skill in negated:
        m = found[skill]
        assert m.negated, m
        assert not m.credited
        assert "negated" in m.reason
    for skill in credited:
        assert found[skill].credited
        assert not found[skill].negated


def test_not_only_is_not_a_negation(ex: SkillExtractor) -> None:
    assert by_skill(ex, "Not only Python but also Docker.")["python"].credited


def test_negation_stops_at_the_clause(ex: SkillExtractor) -> None:
    found = by_skill(ex, "No experience with Kubernetes. Five years of Docker.")
    assert found["kubernetes"].negated
    assert found["docker"].credited


# -- hedging ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Currently learning Rust in the evenings.", "rust"),
        ("Basic knowledge of Kubernetes.", "kubernetes"),
        ("Exposure to Kafka through a weekend hackathon.", "kafka"),
        ("Some familiarity with GraphQL.", "graphql"),
        ("Python (expert), Golang (learning)", "go"),
        ("Familiar with Docker and Terraform.", "terraform"),
    ],
)
def test_hedging(ex: SkillExtractor, text: str, skill: str) -> None:
    m = by_skill(ex, text)[skill]
    assert m.credited
    assert m.hedged
    assert m.confidence < 1
    assert "hedged" in m.reason


def test_machine_learning_is_not_hedging(ex: SkillExtractor) -> None:
    m = by_skill(ex, "Machine learning pipelines in Python and Scala.")["python"]
    assert m.credited
    assert not m.hedged


def test_expert_is_not_hedged(ex: SkillExtractor) -> None:
    assert not by_skill(ex, "Python (expert), Golang (learning)")["python"].hedged


# -- lists that are not the candidate's own ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Technologies I hired for: Java, Scala, AWS, Kubernetes.",
        "Recruited 40 engineers skilled in Golang and React for fintech clients.",
        "Placed Python and Django developers at start-ups across the North West.",
        'Applied to an advert asking for "Kubernetes, Terraform and Golang" but withdrew.',
        "Modules I will take next term: Rust, Scala and Python.",
        "Course plan: Java, SQL and Docker for first-year students.",
    ],
)
def test_foreign_lists(ex: SkillExtractor, text: str) -> None:
    found = by_skill(ex, text)
    assert found
    for m in found.values():
        assert not m.credited, m


def test_foreign_scope_ends_with_the_sentence(ex: SkillExtractor) -> None:
    found = by_skill(ex, "Hired four Java engineers for the team. Built the billing service in Python.")
    assert not found["java"].credited
    assert "not the candidate's own" in found["java"].reason
    assert found["python"].credited


def test_looking_for_alone_is_not_a_job_ad(ex: SkillExtractor) -> None:
    assert by_skill(ex, "Looking for a role using Python and Docker.")["python"].credited


# -- helpers -------------------------------------------------------------------------------------


def test_in_url() -> None:
    text = "Site: https://github.com/ruby/ruby and mail ruby@example.com, then Ruby."
    page = Page(text, key_string(text), [Section("header", "", 0, len(text))], "cv")
    assert in_url(page, text.index("github"))
    assert in_url(page, text.index("ruby@"))
    assert not in_url(page, text.rindex("Ruby"))


def test_caps_neighbourhood() -> None:
    text = "JAVA, GO, PYTHON"
    assert caps_neighbourhood(text, 6, 8)
    assert not caps_neighbourhood("Java, GO, Python", 6, 8)


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("Kubernetes: none yet. Docker: 3 years.", ["kubernetes"]),
        ("No Azure or AWS experience.", ["azure", "aws"]),
        ("I have no experience\nwith Kubernetes yet.", ["kubernetes"]),
    ],
)
def test_more_negations(ex: SkillExtractor, text: str, negated: list[str]) -> None:
    found = by_skill(ex, text)
    for skill in negated:
        assert found[skill].negated
        assert not found[skill].credited


def test_other_peoples_team_is_not_a_claim(ex: SkillExtractor) -> None:
    found = by_skill(ex, "Project manager for a team of eight Java developers; I write Python myself.")
    assert not found["java"].credited
    assert found["python"].credited


@pytest.mark.parametrize(
    ("text", "theirs", "mine"),
    [
        ("Ran the coding club, where students wrote their first Python programs.", ["python"], []),
        ("Pupils learned Java in my after-school club; I maintain the school's Docker host.", ["java"], ["docker"]),
        ("Built a Django app that students use to book rooms.", [], ["django"]),
    ],
)
def test_what_learners_did_is_not_the_teachers_skill(
    ex: SkillExtractor, text: str, theirs: list[str], mine: list[str]
) -> None:
    found = by_skill(ex, text)
    for skill in theirs:
        assert not found[skill].credited, skill
    for skill in mine:
        assert found[skill].credited, skill


def test_recruiter_heading_scopes_its_list(ex: SkillExtractor) -> None:
    text = "TECHNOLOGIES I RECRUIT FOR\n(not my own skills)\nJava, Scala, Kubernetes\n\nSKILLS\nPython"
    found = by_skill(ex, text)
    assert not found["java"].credited
    assert not found["kubernetes"].credited
    assert found["python"].credited


# -- what the candidate studied, and list headings ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "credited", "not_credited"),
    [
        ("Relevant Coursework: Machine Learning, Distributed Computing, Python", ["python"], ["machine-learning"]),
        (
            "Jane Roe COURSEWORK Advanced Machine Learning Distributed Systems SKILLS Java, Git",
            ["java", "git"],
            ["machine-learning", "distributed-systems"],
        ),
        ("Attended a two-day workshop on Big Data with Spark.", [], ["big-data"]),
        ("Built the Big Data platform for the risk team in Python.", ["big-data"], []),
    ],
)
def test_a_course_names_subjects_not_skills(
    ex: SkillExtractor, text: str, credited: list[str], not_credited: list[str]
) -> None:
    found = by_skill(ex, text)
    for skill in credited:
        assert found[skill].credited, found[skill].reason
    for skill in not_credited:
        assert not found[skill].credited, found[skill].reason


def test_a_course_list_still_names_technologies(ex: SkillExtractor) -> None:
    m = by_skill(ex, "Modules: Distributed Systems, Java programming")["java"]
    assert m.credited


@pytest.mark.parametrize(
    ("text", "heading", "items"),
    [
        ("IDEs: Eclipse", "ides", ["eclipse"]),
        ("Tools / IDE : Eclipse", "ides", ["eclipse"]),
        ("Version Control Systems Git, SVN", "version-control", ["git", "subversion"]),
        ("Version Control: Git, SVN", "version-control", ["git", "subversion"]),
    ],
)
def test_a_list_heading_is_not_a_skill(ex: SkillExtractor, text: str, heading: str, items: list[str]) -> None:
    found = by_skill(ex, text)
    assert not found[heading].credited
    assert "list heading" in found[heading].reason
    for skill in items:
        assert found[skill].credited


@pytest.mark.parametrize(
    "text",
    [
        "Big Data: architected an ingestion pipeline on Spark.",
        "Hands-on experience with version control tool SVN.",
        "Built version control tooling in Python for the monorepo.",
    ],
)
def test_a_concept_in_a_sentence_is_not_a_heading(ex: SkillExtractor, text: str) -> None:
    found = by_skill(ex, text)
    concept = "big-data" if "Big Data" in text else "version-control"
    assert found[concept].credited, found[concept].reason


# -- names that only look like skills ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Analysed sales qualified leads (SQL) each quarter.", "sql"),
        ("Automated tests in Action Word Script (AWS) and batch files.", "aws"),
    ],
)
def test_an_acronym_of_something_else(ex: SkillExtractor, text: str, skill: str) -> None:
    found = by_skill(ex, text)
    assert not found[skill].credited
    assert "acronym of something else" in found[skill].reason


def test_an_acronym_of_the_skill_itself_counts(ex: SkillExtractor) -> None:
    assert by_skill(ex, "Deployed on Amazon Web Services (AWS) with Terraform.")["aws"].credited


@pytest.mark.parametrize(
    "text",
    [
        "Skills: Hyperion Planning, Essbase, SAP R/3, Oracle 11, SAP BPC",
        "Processed invoices using Oracle EBS and Excel.",
        "Implemented Oracle R12 and Oracle 11i for the finance team.",
        "Proficient in Word, Excel, Lotus Notes, Oracle, PeopleSoft, Kronos",
    ],
)
def test_oracle_beside_business_applications_is_the_suite(ex: SkillExtractor, text: str) -> None:
    found = by_skill(ex, text)
    assert "oracle-database" not in found or not found["oracle-database"].credited


@pytest.mark.parametrize(
    "text",
    [
        "Databases: Oracle 11g, SQL Server, PostgreSQL",
        "Migrated the SAP reporting database from Oracle to PostgreSQL with SQL scripts.",
    ],
)
def test_oracle_with_database_context_is_the_database(ex: SkillExtractor, text: str) -> None:
    assert by_skill(ex, text)["oracle-database"].credited


def test_a_long_keyword_list_that_is_not_about_technology(ex: SkillExtractor) -> None:
    text = (
        "SKILLS\n"
        "Budget, Payroll, C, Cash Receipts, Billing, Docker, Credit, Clients, Scheduling, Python, Sales, Training\n"
    )
    found = by_skill(ex, text)
    assert found["docker"].credited
    assert found["python"].credited
    assert not found["c"].credited  # two technologies among twelve items: a stray letter


def test_a_short_technology_list_supports_its_items(ex: SkillExtractor) -> None:
    found = by_skill(ex, "SKILLS\nPython, Docker, C, Kubernetes\n")
    assert found["c"].credited


def test_job_tags_after_a_label(ex: SkillExtractor) -> None:
    text = "Company type: Private Technologies python go docker Job description We build things."
    found = {m.skill_id: m for m in ex.find(text, kind="job")}
    assert found["go"].credited
    assert "Technologies" in found["go"].reason


def test_a_lower_case_word_is_not_a_label(ex: SkillExtractor) -> None:
    # "server room": "server" is no label of what follows it
    found = by_skill(ex, "Maintained the server chef station and the Java build.")
    assert not found["chef"].credited


def test_a_title_abbreviation_is_not_an_acronym(ex: SkillExtractor) -> None:
    found = by_skill(ex, "Trained with Dr. Kepley and artists such as Dr. Dre, using Python.")
    assert found["python"].credited


def test_concepts_in_a_cv_that_names_no_technology(ex: SkillExtractor) -> None:
    found = by_skill(ex, "Store manager. Led the Big Data awareness day and Machine Learning talks for staff.")
    assert not found["big-data"].credited
    assert "names no technology" in found["big-data"].reason
    found = by_skill(ex, "Built the Big Data platform on Spark and Python.")
    assert found["big-data"].credited


def test_what_a_recruiter_hired_for_stays_theirs_in_the_keyword_list(ex: SkillExtractor) -> None:
    text = (
        "EXPERIENCE\nTechnical Recruiter, Acme\n"
        "Performed recruiting for Senior Software Developers with a focus on technologies such as: C++,\n"
        "Java, Docker and Kubernetes.\n\nSKILLS\nCold calling, Java, Docker, Negotiation\n"
    )
    credited = {m.skill_id for m in ex.find(text) if m.credited}
    assert credited.isdisjoint({"cpp", "java", "docker", "kubernetes"})


def test_a_bibliographic_reference_names_what_a_paper_is_about(ex: SkillExtractor) -> None:
    text = (
        "Skills: Python, Docker\n"
        "Publications: Roe, J. (2013). Distributed Computing for social work. Journal of Applied Research, Vol. 2.\n"
    )
    found = by_skill(ex, text)
    assert found["python"].credited
    assert not found["distributed-systems"].credited
    assert "bibliographic" in found["distributed-systems"].reason


def test_links_to_other_cvs_are_not_the_candidates(ex: SkillExtractor) -> None:
    found = by_skill(ex, "Skills: Docker. View More Python Developer Resume Java Developer Resume")
    assert found["docker"].credited
    assert not found["python"].credited
    assert not found["java"].credited


@pytest.mark.parametrize(
    "text",
    [
        "HEAD CHEF 65k Ran all daily operations.",  # a salary
        "I'm also a talented Sous Chef 7 of the 11 years of cooking.",  # a count
    ],
)
def test_numbers_that_are_not_versions(ex: SkillExtractor, text: str) -> None:
    found = by_skill(ex, text)
    assert not found["chef"].credited


def test_a_company_field_label_is_not_a_name(ex: SkillExtractor) -> None:
    text = "Role: Backend Developer Industry: Enterprise Software Docker Company size: 1k-5k people"
    assert {m.skill_id: m for m in ex.find(text, kind="job")}["docker"].credited


def test_a_requirements_verdict_is_not_prose(ex: SkillExtractor) -> None:
    found = {m.skill_id: m for m in ex.find("Experience with CI tools like Jenkins is beneficial.", kind="job")}
    assert found["jenkins"].credited


def test_a_name_means_the_same_throughout_a_cv(ex: SkillExtractor) -> None:
    text = (
        "SKILLS\nJenkins, Docker, Python\n\n"
        "EXPERIENCE\nBuild Engineer, Acme\nJan 2020 - Dec 2021\n- Moved the first Jenkins deployment to new hosts.\n"
    )
    mentions = [m for m in ex.find(text) if m.skill_id == "jenkins"]
    assert len(mentions) == 2
    assert all(m.credited for m in mentions), [m.reason for m in mentions]
    assert "credited elsewhere" in mentions[1].reason


def test_a_technical_verb_supports_a_lower_case_word(ex: SkillExtractor) -> None:
    found = {m.skill_id: m for m in ex.find("Experience deploying kafka and configuring chef.", kind="job")}
    assert found["kafka"].credited
    assert found["chef"].credited
    assert not by_skill(ex, "Trained as a chef in Lyon.")["chef"].credited


def test_items_under_a_job_ads_requirements_heading(ex: SkillExtractor) -> None:
    found = {m.skill_id: m for m in ex.find("Backend Engineer\nRequirements\n- 3+ years of Java\n- Go\n", kind="job")}
    assert found["java"].credited
    assert found["go"].credited
    found = {m.skill_id: m for m in ex.find("Backend Engineer\nWhat you will do\n- Go to meetings\n", kind="job")}
    assert not found["go"].credited


def test_years_of_experience_before_a_form(ex: SkillExtractor) -> None:
    assert by_skill(ex, "I have 5 years of Go experience.")["go"].credited


@pytest.mark.parametrize(
    "unit",
    [
        "Go, Oracle, Spring, C, Chef, Python, Spark, Docker, Ruby ",  # ambiguous forms in one long list
        "Training: Python, Docker\n",  # many course scopes
    ],
)
def test_context_stays_linear(ex: SkillExtractor, unit: str) -> None:
    def seconds(repeat: int) -> float:
        text = unit * repeat
        start = time.perf_counter()
        ex.find(text)
        return time.perf_counter() - start

    seconds(50)  # warm up
    small = min(seconds(300) for _ in range(2))
    large = min(seconds(1200) for _ in range(2))
    assert large < 8 * small + 0.05, f"{small:.3f} s for 300 units, {large:.3f} s for 1,200"


# -- round 3: other senses, headings, references (bundled taxonomy) ------------------------


@pytest.fixture(scope="module")
def real() -> SkillExtractor:
    import skillmatch as sm

    return get_extractor(sm.load_taxonomy())


def credited_ids(ex: SkillExtractor, text: str) -> set[str]:
    return {m.skill_id for m in ex.find(text) if m.credited}


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # Cisco's IOS among routers and switches is re-read as Cisco IOS; Apple's stays iOS
        ("Network: OSPF, BGP, VLAN, IOS upgrades on Catalyst switches", {"ios"}, {"cisco-ios", "ospf"}),
        ("Mobile: iOS, Android, Swift", set(), {"ios", "swift"}),
        ("Built IOS and Android apps in Swift", set(), {"ios"}),
        # Cisco vPC and ACI beside switching protocols are not AWS or Azure services
        ("L2 protocols: STP, RSTP, LACP, VPC, VTP", {"amazon-vpc"}, {"spanning-tree"}),
        ("AWS: EC2, S3, VPC, IAM", set(), {"amazon-vpc"}),
        ("In-depth knowledge of ACI fabric, routing and switching protocols", {"azure-container-instances"}, set()),
        # Hadoop's YARN is Hadoop, not the JavaScript package manager
        ("Environment: HDFS, Yarn, Hadoop, MapReduce", {"yarn"}, {"hadoop"}),
        ("Tooling: Node.js, npm, Yarn, webpack", set(), {"yarn"}),
        # configuration management of source code, beside version control
        (
            "Experience on configuration management tools such as SVN, Perforce and ClearCase",
            {"configuration-management"},
            {"svn"},
        ),
        (
            "Automated configuration management with Ansible and Puppet, code in Git",
            set(),
            {"configuration-management"},
        ),
        # the PCI bus, a MAC address, a network port
        ("Developed device drivers: PCI, NDIS, USB", {"pci-dss"}, set()),
        ("Tested MAC learning, aging and flushing on Metro Ethernet switches", {"macos"}, set()),
        ("Configured 802.1X Port-Based Authentication", {"port-idp"}, set()),
        # open source software used is not a contribution to open source
        ("Wide experience using Open Source frameworks such as Spring", {"open-source"}, {"spring-framework"}),
        ("Contributed patches to open source frameworks (Django)", set(), {"open-source"}),
    ],
)
def test_other_senses(real: SkillExtractor, text: str, absent: set[str], present: set[str]) -> None:
    got = credited_ids(real, text)
    assert not (got & absent), got
    assert present <= got, got


def test_other_sense_reason_is_recorded(real: SkillExtractor) -> None:
    (m,) = [m for m in real.find("L2 protocols: STP, RSTP, LACP, VPC, VTP") if m.text == "VPC"]
    assert not m.credited
    assert "Cisco virtual port channel" in m.reason


@pytest.mark.parametrize(
    "text",
    [
        "Defect Management Tools: AIT, QC",
        "Web Services and API (Rest and Soap): Facebook Open Graph",
    ],
)
def test_a_labelled_heading_is_not_a_claim(real: SkillExtractor, text: str) -> None:
    heading = text.split(" Tools")[0].split(" and API")[0]
    assert not [m for m in real.find(text) if m.credited and m.text == heading]


def test_big_data_heading_with_prose_still_counts(real: SkillExtractor) -> None:
    assert "big-data" in credited_ids(real, "Big Data: architected a streaming pipeline with Kafka")


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Smith, J. (2013, November). The use of XML in evaluating curricula. Refereed paper presented at ACM.", "xml"),
        (
            "“Evaluation of Systems Architecture using Fuzzy Neural Networks.” Systems Engineering, 13(2), 121-129.",
            "deep-learning",
        ),
        ("“Text Clustering,” Amazon Web Services in Education Research Grant, 2011, ($1,058,994).", "aws"),
        ("Dissertation title: Implications for Decision Support System Design", "system-design"),
        ("• Paper presentation 4G Technologies, Cloud Computing, Heuristic Algorithms.", "cloud-computing"),
    ],
)
def test_paper_and_grant_titles_are_not_claims(real: SkillExtractor, text: str, skill: str) -> None:
    assert skill not in credited_ids(real, text)


def test_a_quoted_project_name_is_still_a_claim(real: SkillExtractor) -> None:
    assert "xml" in credited_ids(real, "Built “Smart Forms”, an XML editor, for the ward (2019)")


def test_a_label_after_prose_is_its_last_capitalised_word(real: SkillExtractor) -> None:
    got = credited_ids(
        real, "I follow game news through technology blogs Sport: indoor cricket, black belt karate, skiing"
    )
    assert not got & {"karate", "black-formatter"}


def test_escaped_letters_are_part_of_their_word(real: SkillExtractor) -> None:
    assert "r" not in credited_ids(real, "Information Technology R\\xc3\\xa9sum\\xc3\\xa9 Address NAME Phone")
    assert "r" in credited_ids(real, "Languages: Python, R, SQL \\xe2\\x80\\xa2 Tools: Git")


def test_a_vendors_other_product_does_not_credit_its_namesake(real: SkillExtractor) -> None:
    got = credited_ids(real, "Databases: Oracle 10g, SQL Server 7.0, Sybase ASA 9.0, DB2")
    assert "sql-anywhere" in got
    assert "sybase" not in got
    assert "sybase" in credited_ids(real, "Databases: Oracle 10g, Sybase ASE 15, DB2")


def test_a_worldwide_company_is_a_name(real: SkillExtractor) -> None:
    assert "azure-container-instances" not in credited_ids(real, "Unit testing, batch cycles ACI WORLDWIDE (PACIFIC)")


def test_protocols_are_not_a_product(real: SkillExtractor) -> None:
    got = credited_ids(real, "Monitoring: NetFlow, SNMP, Wireshark")
    assert "elastiflow" not in got
    assert "network-monitoring" in got


def test_citation_words_are_whole_words(real: SkillExtractor) -> None:
    # "app", "Volunteer" and "issues" hold "pp", "Vol" and "Issue" but cite nothing
    text = "Volunteer: built the club app in Python (2019), fixed issues, Smith, J., Doe, K., and others"
    assert "python" in credited_ids(real, text)
    cited = "Smith, J., and Doe, K. (2019). Parsing with Python. Journal of Code, 25(1): 50-56."
    assert "python" not in credited_ids(real, cited)
