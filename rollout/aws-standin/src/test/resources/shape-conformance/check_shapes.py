"""Checks raw AWS answers against botocore's own service models.

Usage: python3 check_shapes.py ANSWERS.json

ANSWERS.json is a list of {"service", "operation", "status", "body", "expectedError"}: the HTTP status and body a
server gave for one operation (expectedError: the error code an error answer must carry). Each answer is parsed
with botocore's response parser for the service's protocol, then its raw XML elements or JSON keys are walked
against the operation's output shape: botocore's parser silently drops what it does not know, so the walk fails on
any element or key that is not a member, on a value of the wrong type, and on an enum value outside the model.
Prints one line per problem and exits 1 if there is any; 0 and a summary line otherwise.
"""
import base64
import json
import re
import sys
from xml.etree import ElementTree

import botocore.session
from botocore import parsers
from botocore.utils import parse_timestamp

SESSION = botocore.session.get_session()
INTEGER = re.compile(r"^-?\d+$")


def local(tag):
    return tag.rsplit("}", 1)[-1]


def xml_name(member_name, member_shape):
    return member_shape.serialization.get("name", member_name)


class Walk:
    def __init__(self, label):
        self.label = label
        self.problems = []

    def problem(self, path, text):
        self.problems.append(f"{self.label}: {path}: {text}")

    # ---- scalars, shared by both encodings ----
    def scalar_text(self, path, shape, text):
        kind = shape.type_name
        if kind in ("integer", "long"):
            if not INTEGER.match(text):
                self.problem(path, f"{kind} expected, got {text!r}")
        elif kind == "boolean":
            if text not in ("true", "false"):
                self.problem(path, f"boolean expected, got {text!r}")
        elif kind in ("double", "float"):
            try:
                float(text)
            except ValueError:
                self.problem(path, f"{kind} expected, got {text!r}")
        elif kind == "timestamp":
            try:
                parse_timestamp(text)
            except Exception:  # botocore raises several kinds here
                self.problem(path, f"timestamp expected, got {text!r}")
        elif kind == "blob":
            try:
                base64.b64decode(text, validate=True)
            except Exception:
                self.problem(path, f"base64 blob expected, got {text!r}")
        self.enum(path, shape, text)

    def enum(self, path, shape, value):
        allowed = getattr(shape, "enum", None)
        if allowed and value not in allowed:
            self.problem(path, f"{value!r} is not one of the enum {shape.name}: {sorted(allowed)}")

    # ---- XML (query, ec2) ----
    def xml(self, path, element, shape):
        kind = shape.type_name
        if kind == "structure":
            members = {xml_name(n, s): (n, s) for n, s in shape.members.items()}
            for child in element:
                name = local(child.tag)
                if name not in members:
                    self.problem(f"{path}/{name}", f"not a member of {shape.name} (members: {sorted(members)})")
                    continue
                self.xml(f"{path}/{name}", child, members[name][1])
        elif kind == "list":
            if shape.serialization.get("flattened"):
                self.problem(path, "flattened lists are not checked")
                return
            item = shape.member.serialization.get("name", "member")
            for child in element:
                if local(child.tag) != item:
                    self.problem(f"{path}/{local(child.tag)}", f"list {shape.name} holds <{item}> elements")
                    continue
                self.xml(f"{path}/{item}", child, shape.member)
        elif kind == "map":
            for entry in element:
                for part in entry:
                    sub = shape.key if local(part.tag) == "key" else shape.value
                    self.xml(f"{path}/entry/{local(part.tag)}", part, sub)
        else:
            if len(element):
                self.problem(path, f"{kind} expected, got nested elements")
                return
            self.scalar_text(path, shape, element.text or "")

    # ---- JSON ----
    def json(self, path, value, shape):
        kind = shape.type_name
        if kind == "structure":
            if not isinstance(value, dict):
                self.problem(path, f"object expected for {shape.name}, got {type(value).__name__}")
                return
            members = {s.serialization.get("name", n): s for n, s in shape.members.items()}
            for key, child in value.items():
                if key not in members:
                    self.problem(f"{path}.{key}", f"not a member of {shape.name} (members: {sorted(members)})")
                    continue
                self.json(f"{path}.{key}", child, members[key])
        elif kind == "list":
            if not isinstance(value, list):
                self.problem(path, f"array expected for {shape.name}, got {type(value).__name__}")
                return
            for i, child in enumerate(value):
                self.json(f"{path}[{i}]", child, shape.member)
        elif kind == "map":
            if not isinstance(value, dict):
                self.problem(path, f"object expected for map {shape.name}")
                return
            for key, child in value.items():
                self.json(f"{path}.{key}", child, shape.value)
        elif kind in ("integer", "long"):
            if isinstance(value, bool) or not isinstance(value, int):
                self.problem(path, f"{kind} expected, got {value!r}")
        elif kind in ("double", "float"):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                self.problem(path, f"{kind} expected, got {value!r}")
        elif kind == "boolean":
            if not isinstance(value, bool):
                self.problem(path, f"boolean expected, got {value!r}")
        elif kind == "timestamp":
            # JSON 1.1 sends epoch seconds unless the shape says otherwise.
            if shape.serialization.get("timestampFormat", "unixTimestamp") == "unixTimestamp":
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    self.problem(path, f"epoch-seconds timestamp expected, got {value!r}")
            else:
                self.scalar_text(path, shape, str(value))
        else:
            if not isinstance(value, str):
                self.problem(path, f"{kind} expected, got {value!r}")
                return
            self.scalar_text(path, shape, value)


def check(answer):
    service = answer["service"]
    operation = answer["operation"]
    model = SESSION.get_service_model(service)
    op = model.operation_model(operation)
    protocol = model.metadata["protocol"]
    walk = Walk(f"{service}:{operation}")
    body = answer["body"].encode("utf-8")
    content_type = "text/xml" if protocol in ("query", "ec2") else "application/x-amz-json-1.1"
    response = {"body": body, "headers": {"content-type": content_type}, "status_code": answer["status"]}
    try:
        parsed = parsers.create_parser(protocol).parse(response, op.output_shape)
    except Exception as e:  # any parser failure is a finding
        walk.problem("/", f"botocore's {protocol} parser failed: {e!r}")
        return walk.problems

    expected = answer.get("expectedError")
    if answer["status"] >= 400 or expected:
        code = parsed.get("Error", {}).get("Code")
        if code != expected:
            walk.problem("/", f"error code {code!r} parsed, {expected!r} expected (HTTP {answer['status']})")
        if not parsed.get("Error", {}).get("Message"):
            walk.problem("/", "error without a message")
        return walk.problems

    shape = op.output_shape
    if protocol in ("query", "ec2"):
        root = ElementTree.fromstring(body)
        if local(root.tag) != operation + "Response":
            walk.problem("/", f"root <{local(root.tag)}>, <{operation}Response> expected")
        envelope = {"ResponseMetadata", "requestId"}
        wrapper = shape.serialization.get("resultWrapper") if shape is not None else None
        for child in root:
            name = local(child.tag)
            if name in envelope:
                continue
            if protocol == "query":
                if name != (wrapper or operation + "Result"):
                    walk.problem(f"/{name}", f"<{wrapper}> expected")
                elif shape is not None:
                    walk.xml(f"/{name}", child, shape)
                elif len(child):
                    walk.problem(f"/{name}", "the operation has no output, yet the result has elements")
            elif shape is None:
                walk.problem(f"/{name}", "the operation has no output")
            else:
                members = {xml_name(n, s): s for n, s in shape.members.items()}
                if name not in members:
                    walk.problem(f"/{name}", f"not a member of {shape.name} (members: {sorted(members)})")
                else:
                    walk.xml(f"/{name}", child, members[name])
    else:
        document = json.loads(body) if body.strip() else {}
        if shape is None:
            if document:
                walk.problem("$", "the operation has no output, yet the answer has members")
        else:
            walk.json("$", document, shape)
    return walk.problems


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        answers = json.load(f)
    problems = []
    for answer in answers:
        problems.extend(check(answer))
    for p in problems:
        print(p)
    operations = sorted({f"{a['service']}:{a['operation']}" for a in answers})
    print(f"checked {len(answers)} answers of {len(operations)} operations with botocore "
          f"{botocore.__version__}: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
