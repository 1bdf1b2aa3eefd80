"""A small hand-made taxonomy for the extraction tests (sections, matcher, context, profile).

The bundled taxonomy grows and changes; these tests check the extraction machinery, so
they run on a fixed set of skills whose flags (ambiguous, case-sensitive) they control.
"""

from __future__ import annotations

from pathlib import Path

from skillmatch.taxonomy import Taxonomy, load_taxonomy

TOML = """
version = "test-1"

[categories]
language = "Languages"
framework = "Frameworks"
database = "Databases"
container = "Containers"
ci-cd = "CI/CD"
os = "Operating systems"
practice = "Practices"
messaging = "Messaging"
iac = "Infrastructure as code"
frontend = "Front end"
cloud = "Cloud"
observability = "Observability"
data = "Data"
tool = "Tools"

[[skill]]
id = "python"
name = "Python"
category = "language"
aliases = ["python3", "cpython"]

[[skill]]
id = "java"
name = "Java"
category = "language"
aliases = ["J2EE", "core java"]

[[skill]]
id = "javascript"
name = "JavaScript"
category = "language"
aliases = ["js", "ecmascript"]
ambiguous = ["js"]

[[skill]]
id = "typescript"
name = "TypeScript"
category = "language"

[[skill]]
id = "go"
name = "Go"
category = "language"
aliases = ["golang"]
ambiguous = ["Go"]
case_sensitive = ["Go"]

[[skill]]
id = "c"
name = "C"
category = "language"
ambiguous = ["C"]
case_sensitive = ["C"]

[[skill]]
id = "cpp"
name = "C++"
category = "language"
aliases = ["cpp"]

[[skill]]
id = "csharp"
name = "C#"
category = "language"

[[skill]]
id = "r"
name = "R"
category = "language"
ambiguous = ["R"]
case_sensitive = ["R"]

[[skill]]
id = "rust"
name = "Rust"
category = "language"
ambiguous = ["Rust"]
case_sensitive = ["Rust"]

[[skill]]
id = "ruby"
name = "Ruby"
category = "language"
ambiguous = ["Ruby"]

[[skill]]
id = "scala"
name = "Scala"
category = "language"

[[skill]]
id = "sql"
name = "SQL"
category = "language"

[[skill]]
id = "html"
name = "HTML"
category = "frontend"

[[skill]]
id = "css"
name = "CSS"
category = "frontend"

[[skill]]
id = "dotnet"
name = ".NET"
category = "framework"
aliases = ["dotnet"]

[[skill]]
id = "aspnet"
name = "ASP.NET"
category = "framework"
aliases = ["ASP.NET Core", "ASP.NET MVC"]
parents = ["dotnet"]

[[skill]]
id = "nodejs"
name = "Node.js"
category = "framework"

[[skill]]
id = "spring"
name = "Spring Framework"
category = "framework"
aliases = ["Spring"]
ambiguous = ["Spring"]

[[skill]]
id = "spring-boot"
name = "Spring Boot"
category = "framework"
parents = ["spring"]

[[skill]]
id = "django"
name = "Django"
category = "framework"

[[skill]]
id = "mongodb"
name = "MongoDB"
category = "database"
aliases = ["mongo"]
ambiguous = ["mongo"]

[[skill]]
id = "postgresql"
name = "PostgreSQL"
category = "database"
aliases = ["Postgres"]

[[skill]]
id = "oracle-database"
name = "Oracle Database"
category = "database"
aliases = ["Oracle", "Oracle DB"]
ambiguous = ["Oracle"]

[[skill]]
id = "sql-server"
name = "Microsoft SQL Server"
category = "database"
aliases = ["SQL Server", "MS SQL Server", "MSSQL"]

[[skill]]
id = "docker"
name = "Docker"
category = "container"
aliases = ["dockerised", "dockerized"]

[[skill]]
id = "kubernetes"
name = "Kubernetes"
category = "container"
aliases = ["k8s"]

[[skill]]
id = "ci-cd"
name = "CI/CD"
category = "ci-cd"
aliases = ["continuous integration"]

[[skill]]
id = "jenkins"
name = "Jenkins"
category = "ci-cd"
ambiguous = ["Jenkins"]

[[skill]]
id = "chef"
name = "Chef"
category = "iac"
ambiguous = ["Chef"]

[[skill]]
id = "terraform"
name = "Terraform"
category = "iac"

[[skill]]
id = "ansible"
name = "Ansible"
category = "iac"

[[skill]]
id = "linux"
name = "Linux"
category = "os"

[[skill]]
id = "unix"
name = "Unix"
category = "os"

[[skill]]
id = "rabbitmq"
name = "RabbitMQ"
category = "messaging"

[[skill]]
id = "kafka"
name = "Apache Kafka"
category = "messaging"
aliases = ["Kafka"]
ambiguous = ["Kafka"]

[[skill]]
id = "agile"
name = "Agile"
category = "practice"

[[skill]]
id = "scrum"
name = "Scrum"
category = "practice"

[[skill]]
id = "aws"
name = "Amazon Web Services"
category = "cloud"
aliases = ["AWS"]

[[skill]]
id = "azure"
name = "Microsoft Azure"
category = "cloud"
aliases = ["Azure"]

[[skill]]
id = "react"
name = "React"
category = "frontend"
aliases = ["ReactJS"]

[[skill]]
id = "graphql"
name = "GraphQL"
category = "framework"

[[skill]]
id = "nagios"
name = "Nagios"
category = "observability"

[[skill]]
id = "splunk"
name = "Splunk"
category = "observability"

[[skill]]
id = "grafana"
name = "Grafana"
category = "observability"

[[skill]]
id = "redis"
name = "Redis"
category = "database"

[[skill]]
id = "lucene"
name = "Apache Lucene"
category = "database"
aliases = ["Lucene"]

[[skill]]
id = "directx"
name = "DirectX"
category = "framework"

[[skill]]
id = "expat"
name = "Expat"
category = "framework"

[[skill]]
id = "informatica"
name = "Informatica"
category = "data"

[[skill]]
id = "machine-learning"
name = "Machine learning"
category = "data"
aliases = ["ML"]

[[skill]]
id = "distributed-systems"
name = "Distributed systems"
category = "practice"
aliases = ["distributed computing"]

[[skill]]
id = "version-control"
name = "Version control"
category = "tool"
aliases = ["version control systems", "source control"]

[[skill]]
id = "git"
name = "Git"
category = "tool"
parents = ["version-control"]

[[skill]]
id = "subversion"
name = "Apache Subversion"
category = "tool"
aliases = ["SVN", "Subversion"]
parents = ["version-control"]

[[skill]]
id = "ides"
name = "IDEs"
category = "tool"
aliases = ["IDE", "integrated development environments"]

[[skill]]
id = "eclipse"
name = "Eclipse"
category = "tool"
parents = ["ides"]

[[skill]]
id = "embedded-linux"
name = "Embedded Linux"
category = "os"
parents = ["linux"]

[[skill]]
id = "masstransit"
name = "MassTransit"
category = "messaging"

[[skill]]
id = "big-data"
name = "Big data"
category = "data"

[[skill]]
id = "spark"
name = "Apache Spark"
category = "data"
aliases = ["Spark"]
ambiguous = ["Spark"]
"""


def make_taxonomy(folder: Path) -> Taxonomy:
    """Write the test taxonomy to ``folder`` and load it."""
    path = folder / "extraction-test-taxonomy.toml"
    path.write_text(TOML, encoding="utf-8")
    return load_taxonomy(path)
