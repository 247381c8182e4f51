"""Build ``sentence-splitter.onnx``: a rule-based sentence splitter in MiniSBD's format.

LibreTranslate 1.9 splits texts into sentences with MiniSBD, which downloads a model per
language on first use. The test server gets this file instead (as ``minisbd/<lang>.onnx``
inside each installed package, where argostranslate looks first), so it never goes online.

The model has no weights, only rules, written as an ONNX graph. MiniSBD feeds it
``units`` (character ids, int64 [batch, length]) and ``features`` (float, unused here)
and takes the argmax of ``logits`` [batch, length, 5] per character: 1 = a token ends
here, 2 = a sentence ends here, 0 = neither. Rules: a character followed by a space ends
a token; one of ``. ! ? 。 ！ ？`` followed by a space ends a sentence (MiniSBD ends the
last sentence of a text itself). The vocabulary, configuration and language travel in
the model's metadata, where MiniSBD reads them.

Building needs the ``onnx`` package, which LibreTranslate does not (and whose numpy 2
clashes with LibreTranslate's pins), so the generated file is kept in the repository:
    python3 -m venv /tmp/onnx-venv && /tmp/onnx-venv/bin/pip install onnx
    /tmp/onnx-venv/bin/python tests/data/libretranslate/build_sentence_splitter.py
"""

from __future__ import annotations

import json
from pathlib import Path

import onnx
from onnx import TensorProto, helper

OUT = Path(__file__).with_name("sentence-splitter.onnx")
SPACE = " "
ENDERS = [".", "!", "?", "\u3002", "\uff01", "\uff1f"]
UNITS = ["<PAD>", "<UNK>", SPACE, *ENDERS]  # MiniSBD's character vocabulary, by id
CONFIG = {"skip_newline": False, "max_seqlen": 1000, "no_ssplit": False, "batch_size": 32,
          "feat_funcs": ["space_before"], "use_dictionary": False, "num_dict_feat": 0}


def constant(name: str, kind: int, values: list[int] | list[float] | list[bool],
             dims: list[int] | None = None) -> onnx.NodeProto:
    tensor = helper.make_tensor(f"{name}_value", kind, dims if dims is not None else
                                [len(values)], values)
    return helper.make_node("Constant", [], [name], value=tensor)


def graph() -> onnx.GraphProto:
    ender = [unit in ENDERS for unit in UNITS]  # a table: is this character id an ender?
    nodes = [
        constant("ender_table", TensorProto.BOOL, ender),
        constant("shift_pads", TensorProto.INT64, [0, 0, 0, 1]),
        constant("pad_id", TensorProto.INT64, [0], []),
        constant("space_id", TensorProto.INT64, [UNITS.index(SPACE)], []),
        constant("from_one", TensorProto.INT64, [1]),
        constant("to_end", TensorProto.INT64, [2**62]),
        constant("along_length", TensorProto.INT64, [1]),
        constant("token_end", TensorProto.INT64, [1], []),
        constant("sentence_end", TensorProto.INT64, [2], []),
        constant("nothing", TensorProto.INT64, [0], []),
        constant("classes", TensorProto.INT64, [5], []),
        constant("off_on", TensorProto.FLOAT, [0.0, 1.0]),
        # the character after each one (padding after the last)
        helper.make_node("Pad", ["units", "shift_pads", "pad_id"], ["padded"]),
        helper.make_node("Slice", ["padded", "from_one", "to_end", "along_length"], ["after"]),
        helper.make_node("Equal", ["after", "space_id"], ["before_space"]),
        helper.make_node("Gather", ["ender_table", "units"], ["is_ender"], axis=0),
        helper.make_node("And", ["is_ender", "before_space"], ["ends_sentence"]),
        helper.make_node("Where", ["before_space", "token_end", "nothing"], ["token_class"]),
        helper.make_node("Where", ["ends_sentence", "sentence_end", "token_class"], ["label"]),
        helper.make_node("OneHot", ["label", "classes", "off_on"], ["logits"], axis=-1),
    ]
    inputs = [helper.make_tensor_value_info("units", TensorProto.INT64, ["batch", "length"]),
              helper.make_tensor_value_info("features", TensorProto.FLOAT,
                                            ["batch", "length", "features"])]
    outputs = [helper.make_tensor_value_info("logits", TensorProto.FLOAT,
                                             ["batch", "length", 5])]
    return helper.make_graph(nodes, "rule_based_sentence_splitter", inputs, outputs)


def main() -> None:
    model = helper.make_model(graph(), producer_name="l10n tests",
                              opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8  # what onnxruntime 1.2x reads
    vocab = {"lang": "", "idx": 0, "cutoff": 0, "lower": False, "_id2unit": UNITS,
             "_unit2id": {unit: n for n, unit in enumerate(UNITS)}}
    for key, value in (("lang_code", "xx"), ("config", json.dumps(CONFIG)),
                       ("vocab", json.dumps(vocab)), ("lexicon", "null")):
        model.metadata_props.append(onnx.StringStringEntryProto(key=key, value=value))
    onnx.checker.check_model(model)
    onnx.save(model, OUT)
    print(f"{OUT}: {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
